package dev.mcpver.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeTest {
    /** The desugaring table of semver.md §2.3. */
    static Stream<Arguments> desugaring() {
        return Stream.of(
                Arguments.of("^1.2.3", ">=1.2.3 <2.0.0-0"),
                Arguments.of("^0.2.3", ">=0.2.3 <0.3.0-0"),
                Arguments.of("^0.0.3", ">=0.0.3 <0.0.4-0"),
                Arguments.of("^0", "<1.0.0-0"),
                Arguments.of("^0.x", "<1.0.0-0"),
                Arguments.of("^0.0", "<0.1.0-0"),
                Arguments.of("^0.0.x", "<0.1.0-0"),
                Arguments.of("^1.2.3-beta.2", ">=1.2.3-beta.2 <2.0.0-0"),
                Arguments.of("~1.2.3", ">=1.2.3 <1.3.0-0"),
                Arguments.of("~1.2", ">=1.2.0 <1.3.0-0"),
                Arguments.of("~>1.2", ">=1.2.0 <1.3.0-0"),
                Arguments.of("1.2", ">=1.2.0 <1.3.0-0"),
                Arguments.of("1.x", ">=1.0.0 <2.0.0-0"),
                Arguments.of("1.X", ">=1.0.0 <2.0.0-0"),
                Arguments.of("1.*", ">=1.0.0 <2.0.0-0"),
                Arguments.of("1", ">=1.0.0 <2.0.0-0"),
                Arguments.of("*", "*"),
                Arguments.of("x", "*"),
                Arguments.of("X", "*"),
                Arguments.of("", "*"),
                Arguments.of("1.2.3 - 2.3.4", ">=1.2.3 <=2.3.4"),
                Arguments.of("1.2 - 2.3", ">=1.2.0 <2.4.0-0"),
                Arguments.of("1.2.3 - x", ">=1.2.3"),
                Arguments.of(">1.2", ">=1.3.0"),
                Arguments.of("<=1.2", "<1.3.0-0"),
                Arguments.of("<1.2", "<1.2.0-0"),
                Arguments.of(">= 1.2.3", ">=1.2.3"),
                Arguments.of("=1.2.3", "1.2.3"),
                Arguments.of("v1.2.3", "1.2.3"),
                Arguments.of(">=1.2.3+b", ">=1.2.3"),
                Arguments.of("1.x+build", ">=1.0.0 <2.0.0-0"),
                Arguments.of("1.x || 2.x", ">=1.0.0 <2.0.0-0||>=2.0.0 <3.0.0-0"),
                Arguments.of("1 ||", "*"),
                Arguments.of("||", "*"),
                Arguments.of("<X", "<0.0.0-0"),
                Arguments.of(">X", "<0.0.0-0"),
                Arguments.of("<*", "<0.0.0-0"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("desugaring")
    void should_normalize_like_node_valid_range_when_desugaring(String range, String normalized) {
        assertThat(Range.parse(range).normalized()).isEqualTo(normalized);
        assertThat(Semver.validRange(range)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ">=1.2.3 &&",
                "latest",
                "[1.0,2.0)",
                "(,1.0]",
                "1.x.5",
                "x.1",
                ">",
                ">=",
                "1.2.3 -",
                "- 1.2.3",
                "1.2.3 - 2.3.4 - 5",
                "^9007199254740991.0.0",
                "=>1.2.3",
                "~1.2.3.4",
                ">=1.2.3 || foo",
                "1.2.3\u0001"
            })
    void should_reject_instead_of_dropping_when_range_has_unknown_tokens(String range) {
        assertThatThrownBy(() -> Range.parse(range)).isInstanceOf(SemverException.class);
        assertThat(Range.tryParse(range)).isEmpty();
    }

    @Test
    void should_name_the_offending_token_when_rejecting() {
        assertThatThrownBy(() -> Range.parse(">=1.2.3 &&"))
                .hasMessage("invalid range \">=1.2.3 &&\": unexpected token \"&&\"");
        assertThatThrownBy(() -> Range.parse(">= 1.2.3 <"))
                .hasMessage("invalid range \">= 1.2.3 <\": operator \"<\" is not followed by a version");
        assertThatThrownBy(() -> Range.parse("^9007199254740991.0.0"))
                .hasMessage("invalid range \"^9007199254740991.0.0\": invalid comparator \"<9007199254740992.0.0-0\":"
                        + " major 9007199254740992 exceeds 9007199254740991");
    }

    @Test
    void should_exclude_next_major_prereleases_when_upper_bound_is_minus_zero() {
        Range caret = Range.parse("^1.2.3");

        assertThat(caret.test(Version.parse("1.9.9"))).isTrue();
        assertThat(caret.test(Version.parse("2.0.0-rc.1"))).isFalse();
        assertThat(caret.test(Version.parse("2.0.0"))).isFalse();
    }

    @Test
    void should_admit_prereleases_only_on_a_named_tuple_when_testing() {
        Range range = Range.parse(">=1.2.3-rc.1 <2");

        assertThat(range.test(Version.parse("1.2.3-rc.2"))).isTrue();
        assertThat(range.test(Version.parse("1.3.0-rc.1"))).isFalse();
        assertThat(Range.parse("^1.2.3").test(Version.parse("1.3.0-rc.1"))).isFalse();
        assertThat(Range.parse("*").test(Version.parse("1.0.0-0"))).isFalse();
    }

    @Test
    void should_keep_nodes_star_quirk_when_a_star_is_glued_to_a_version() {
        // node removes the first "*" of each comparator, so these are valid in node-semver 7.8.6.
        assertThat(Range.parse("*1.2.3").normalized()).isEqualTo("1.2.3");
        assertThat(Range.parse("1.2.3*").normalized()).isEqualTo("1.2.3");
    }

    @Test
    void should_let_the_first_entry_win_on_equal_precedence_when_picking_max_and_min() {
        Version plain = Version.parse("1.2.3");
        Version withBuild = Version.parse("1.2.3+b");
        Version lower = Version.parse("1.0.0");
        List<Version> versions = List.of(lower, plain, withBuild, Version.parse("3.0.0"));
        Range range = Range.parse("^1");

        assertThat(range.maxSatisfying(versions)).containsSame(plain);
        assertThat(range.minSatisfying(versions)).containsSame(lower);
        assertThat(range.matching(versions)).containsExactly(lower, plain, withBuild);
        assertThat(Range.parse("^5").maxSatisfying(versions)).isEmpty();
    }

    @Test
    void should_share_parsed_instances_when_parsing_the_same_text_again() {
        assertThat(Range.parse("~4.5.6 || 7")).isSameAs(Range.parse("~4.5.6 || 7"));
    }
}
