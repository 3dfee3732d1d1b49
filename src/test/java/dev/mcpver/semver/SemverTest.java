package dev.mcpver.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SemverTest {
    @Test
    void should_echo_entries_and_ignore_invalid_ones_when_resolving() {
        List<String> versions = List.of("1.0.0", "junk", " v1.2.0 ", "1.2.0+build", "2.0.0", "1.5.0-rc.1");

        Resolution r = Semver.resolve("^1", versions);

        assertThat(r.max()).isEqualTo(" v1.2.0 ");
        assertThat(r.min()).isEqualTo("1.0.0");
        assertThat(r.matching()).containsExactly("1.0.0", " v1.2.0 ", "1.2.0+build");
    }

    @Test
    void should_answer_null_max_and_min_when_nothing_matches() {
        Resolution r = Semver.resolve(">=5", List.of("1.0.0", "nope"));

        assertThat(r.max()).isNull();
        assertThat(r.min()).isNull();
        assertThat(r.matching()).isEmpty();
    }

    @Test
    void should_throw_instead_of_answering_false_when_input_is_invalid() {
        assertThatThrownBy(() -> Semver.satisfies("1.2", "^1")).isInstanceOf(SemverException.class);
        assertThatThrownBy(() -> Semver.satisfies("1.2.3", "^1 &&")).isInstanceOf(SemverException.class);
        assertThatThrownBy(() -> Semver.resolve("latest", List.of("1.0.0"))).isInstanceOf(SemverException.class);
        assertThatThrownBy(() -> Semver.compare("1.2.3", "x")).isInstanceOf(SemverException.class);
        assertThatThrownBy(() -> Semver.diff("1.2.3", "")).isInstanceOf(SemverException.class);
    }

    @Test
    void should_compare_to_minus_one_zero_or_one_when_comparing_strings() {
        assertThat(Semver.compare("1.2.3", "1.10.0")).isEqualTo(-1);
        assertThat(Semver.compare("v1.2.3", "1.2.3+b")).isZero();
        assertThat(Semver.compare("1.2.3", "1.2.3-rc.1")).isEqualTo(1);
    }

    @Test
    void should_hold_the_javadoc_examples_when_run() {
        Version v = Version.parse("v1.2.3-beta.1+sha.5");
        assertThat(v).hasToString("1.2.3-beta.1");
        assertThat(v.inc(ReleaseType.PRERELEASE, null)).hasToString("1.2.3-beta.2");
        assertThat(Version.diff(v, Version.parse("1.2.3"))).contains(ReleaseType.PATCH);

        Range r = Range.parse("^1.2.3");
        assertThat(r.normalized()).isEqualTo(">=1.2.3 <2.0.0-0");
        assertThat(r.test(Version.parse("1.9.0"))).isTrue();
        assertThat(r.test(Version.parse("2.0.0-rc.1"))).isFalse();

        assertThat(Semver.compare("1.2.3", "v1.2.3+build")).isZero();
        assertThat(Semver.satisfies("1.3.0-rc.1", "^1.2.3")).isFalse();
        assertThat(Semver.validRange("1.x || >=2.5.0 <3")).isEqualTo(">=1.0.0 <2.0.0-0||>=2.5.0 <3.0.0-0");
        Resolution resolved = Semver.resolve("^1", List.of("1.0.0", "junk", "1.2.0"));
        assertThat(resolved.max()).isEqualTo("1.2.0");
        assertThat(resolved.min()).isEqualTo("1.0.0");
    }

    @Test
    void should_use_lowercase_wire_names_when_mapping_release_types() {
        for (ReleaseType type : ReleaseType.values()) {
            assertThat(ReleaseType.fromWire(type.wireName())).contains(type);
        }
        assertThat(ReleaseType.PREMAJOR.wireName()).isEqualTo("premajor");
    }
}
