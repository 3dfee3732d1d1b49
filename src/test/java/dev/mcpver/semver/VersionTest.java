package dev.mcpver.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {
    @Test
    void should_expose_parts_and_drop_build_from_canonical_form_when_parsing() {
        Version v = Version.parse("v1.2.3-beta.1+sha.5114f85");

        assertThat(v.major()).isEqualTo(1);
        assertThat(v.minor()).isEqualTo(2);
        assertThat(v.patch()).isEqualTo(3);
        assertThat(v.prerelease()).extracting(PrereleaseId::text).containsExactly("beta", "1");
        assertThat(v.build()).containsExactly("sha", "5114f85");
        assertThat(v).hasToString("1.2.3-beta.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1.2.3", "V1.2.3", "vv1.2.3", "v 1.2.3"})
    void should_reject_prefixes_other_than_one_lowercase_v_when_parsing(String input) {
        assertThatThrownBy(() -> Version.parse(input)).isInstanceOf(SemverException.class);
    }

    @Test
    void should_say_what_is_wrong_when_rejecting() {
        assertThatThrownBy(() -> Version.parse("1.2"))
                .isInstanceOf(SemverException.class)
                .hasMessage("invalid version \"1.2\": expected MAJOR.MINOR.PATCH");
        assertThatThrownBy(() -> Version.parse("=1.2.3"))
                .hasMessage("invalid version \"=1.2.3\": prefix \"=\" is not allowed (only a lowercase \"v\")");
        assertThatThrownBy(() -> Version.parse("01.2.3"))
                .hasMessage("invalid version \"01.2.3\": major must not have leading zeros");
        assertThatThrownBy(() -> Version.parse("1.2.3-01"))
                .hasMessage("invalid version \"1.2.3-01\": invalid prerelease:"
                        + " numeric identifiers must not have leading zeros");
        assertThatThrownBy(() -> Version.parse("1.2.3\u0001"))
                .hasMessage("invalid version \"1.2.3\\u0001\": unexpected character \"\\u0001\" at index 5");
    }

    @Test
    void should_accept_components_up_to_max_safe_integer_when_parsing() {
        Version v = Version.parse("2147483648.4294967296.9007199254740991");

        assertThat(v.major()).isEqualTo(2_147_483_648L);
        assertThat(v.minor()).isEqualTo(4_294_967_296L);
        assertThat(v.patch()).isEqualTo(9_007_199_254_740_991L);
    }

    @Test
    void should_reject_components_above_max_safe_integer_when_parsing() {
        assertThatThrownBy(() -> Version.parse("0.0.9007199254740992"))
                .hasMessage(
                        "invalid version \"0.0.9007199254740992\": patch 9007199254740992 exceeds 9007199254740991");
        assertThat(Version.tryParse("99999999999999999999.0.0")).isEmpty();
    }

    @Test
    void should_measure_the_256_character_limit_on_the_raw_input_when_parsing() {
        String exactly256 = "1.2.3-" + "a".repeat(250);

        assertThat(Version.tryParse(exactly256)).isPresent();
        assertThat(Version.tryParse(exactly256 + "b")).isEmpty();
        // The limit applies before trimming: one leading space makes a valid 256-character version too long.
        assertThat(Version.tryParse(" " + exactly256)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\t", "\n", "\u000b", "\f", "\r", " ", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029",
                "\u202f", "\u205f", "\u3000", "\ufeff"
            })
    void should_trim_javascript_whitespace_when_parsing(String ws) {
        assertThat(Version.parse(ws + "1.2.3" + ws)).hasToString("1.2.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\u0000", "\u0085", "\u200b", "\u180e", "\u001f"})
    void should_reject_characters_javascript_trim_keeps_when_parsing(String c) {
        assertThat(Version.tryParse(c + "1.2.3")).isEmpty();
        assertThat(Version.tryParse("1.2.3" + c)).isEmpty();
    }

    @Test
    void should_sort_prereleases_below_the_release_when_comparing() {
        assertThat(Version.parse("1.2.3-rc.1")).isLessThan(Version.parse("1.2.3"));
        assertThat(Version.parse("1.2.3-alpha")).isLessThan(Version.parse("1.2.3-alpha.1"));
    }

    @Test
    void should_compare_alphanumeric_identifiers_in_ascii_order_when_comparing() {
        assertThat(Version.parse("1.0.0-alpha10")).isLessThan(Version.parse("1.0.0-alpha9"));
        assertThat(Version.parse("1.0.0-R2")).isLessThan(Version.parse("1.0.0-r100"));
        assertThat(Version.parse("1.0.0-r100")).isLessThan(Version.parse("1.0.0-r2"));
    }

    @Test
    void should_sort_numeric_identifiers_below_alphanumeric_ones_when_comparing() {
        assertThat(Version.parse("1.0.0-0")).isLessThan(Version.parse("1.0.0--"));
        assertThat(Version.parse("1.0.0-999")).isLessThan(Version.parse("1.0.0-0a"));
        assertThat(Version.parse("1.0.0-2")).isLessThan(Version.parse("1.0.0-10"));
    }

    @Test
    void should_compare_huge_numeric_identifiers_as_doubles_when_comparing() {
        // Both round to 2^53 as doubles, so node (and this engine) sees no difference...
        Version a = Version.parse("1.0.0-9007199254740993");
        Version b = Version.parse("1.0.0-9007199254740992");
        assertThat(a.compareTo(b)).isZero();
        // ...and, like node, stops at that pair even when later identifiers differ.
        assertThat(Version.parse("1.0.0-9007199254740993.1").compareTo(Version.parse("1.0.0-9007199254740992.2")))
                .isZero();
        // Exact below 2^53, and larger magnitudes still order.
        assertThat(Version.parse("1.0.0-9007199254740990")).isLessThan(Version.parse("1.0.0-9007199254740991"));
        assertThat(Version.parse("1.0.0-18446744073709551616")).isGreaterThan(a);
    }

    @Test
    void should_ignore_build_for_precedence_but_not_for_equals_when_comparing() {
        Version a = Version.parse("1.2.3+a");
        Version b = Version.parse("1.2.3+b");

        assertThat(a.compareTo(b)).isZero();
        assertThat(a.samePrecedence(b)).isTrue();
        assertThat(a).isNotEqualTo(b);
        assertThat(Version.parse("v1.2.3+a")).isEqualTo(a).hasSameHashCodeAs(a);
    }

    @Test
    void should_render_only_identifiers_below_max_safe_integer_as_numbers_when_reading_prerelease() {
        List<PrereleaseId> ids =
                Version.parse("1.0.0-alpha.7.9007199254740990.9007199254740991").prerelease();

        assertThat(ids).extracting(PrereleaseId::isNumeric).containsExactly(false, true, true, true);
        assertThat(ids)
                .extracting(PrereleaseId::safeNumber)
                .containsExactly(
                        OptionalLong.empty(),
                        OptionalLong.of(7),
                        OptionalLong.of(9_007_199_254_740_990L),
                        OptionalLong.empty());
    }

    @Test
    void should_validate_single_identifiers_when_creating_prerelease_ids() {
        assertThat(PrereleaseId.of("alpha-1").text()).isEqualTo("alpha-1");
        assertThatThrownBy(() -> PrereleaseId.of("01")).isInstanceOf(SemverException.class);
        assertThatThrownBy(() -> PrereleaseId.of("")).isInstanceOf(SemverException.class);
        assertThatThrownBy(() -> PrereleaseId.of("a.b")).isInstanceOf(SemverException.class);
    }
}
