package dev.mcpver.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IncrementAndDiffTest {
    /** semver.md §2.4; an empty preid column means none. */
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "2.0.0-1, major, , 2.0.0",
        "1.2.3, major, , 2.0.0",
        "1.2.0-5, minor, , 1.2.0",
        "1.2.3-4, minor, , 1.3.0",
        "1.2.4-1, patch, , 1.2.4",
        "1.2.3+build.7, patch, , 1.2.4",
        "1.2.3, premajor, alpha, 2.0.0-alpha.0",
        "1.2.3, preminor, , 1.3.0-0",
        "1.2.0-1, prepatch, , 1.2.1-0",
        "1.2.3, prerelease, , 1.2.4-0",
        "1.2.3-alpha.0.beta, prerelease, , 1.2.3-alpha.1.beta",
        "1.2.4-alpha, prerelease, , 1.2.4-alpha.0",
        "1.2.4-beta.1, prerelease, beta, 1.2.4-beta.2",
        "1.2.4-alpha.1, prerelease, beta, 1.2.4-beta.0",
        "1.2.3, prerelease, alpha.beta, 1.2.4-alpha.beta.0",
        "1.2.4-alpha.beta.0, prerelease, alpha.beta, 1.2.4-alpha.beta.1",
        "1.2.3-9007199254740991, prerelease, , 1.2.3-9007199254740991.0",
        // node's isNaN test: an identifier JavaScript reads as a number keeps the bumped prerelease
        "1.2.3-beta.1e5, prerelease, beta, 1.2.3-beta.1e5.0",
        "1.2.3-beta.foo, prerelease, beta, 1.2.3-beta.0",
    })
    void should_increment_like_node_when_bumping(String version, String bump, String preid, String expected) {
        assertThat(Semver.next(version, bump, preid)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"release", "fake", "MAJOR", "", " major"})
    void should_reject_when_bump_is_not_an_api_release_type(String bump) {
        assertThat(ReleaseType.fromWire(bump)).isEmpty();
        assertThatThrownBy(() -> Semver.next("1.2.3", bump, null)).isInstanceOf(SemverException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"premajor", "preminor", "prepatch", "prerelease"})
    void should_reject_invalid_preid_when_bumping_to_a_prerelease(String bump) {
        ReleaseType type = ReleaseType.fromWire(bump).orElseThrow();
        Version v = Version.parse("1.2.3");

        assertThatThrownBy(() -> v.inc(type, "01"))
                .isInstanceOf(SemverException.class)
                .hasMessage("invalid preid \"01\": numeric identifiers must not have leading zeros");
        assertThatThrownBy(() -> v.inc(type, "a..b")).isInstanceOf(SemverException.class);
        assertThatThrownBy(() -> v.inc(type, "a+b")).isInstanceOf(SemverException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"major", "minor", "patch"})
    void should_ignore_preid_like_node_when_bump_is_not_a_prerelease(String bump) {
        assertThat(Semver.next("1.2.3", bump, "01")).isEqualTo(Semver.next("1.2.3", bump, null));
    }

    @ParameterizedTest
    @CsvSource({"9007199254740991.0.0, major", "0.9007199254740991.0, minor", "0.0.9007199254740991, prepatch"})
    void should_reject_when_result_would_exceed_max_safe_integer(String version, String bump) {
        assertThatThrownBy(() -> Semver.next(version, bump, null))
                .isInstanceOf(SemverException.class)
                .hasMessageContaining("would exceed 9007199254740991");
    }

    /** semver.md §2.5 and node's test/functions/diff.js. */
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "1.2.3, 1.2.3+build, ",
        "1.2.3, 2.0.0, major",
        "1.2.3, 1.3.0, minor",
        "1.2.3, 1.2.4, patch",
        "1.2.3, 2.0.0-pre, premajor",
        "1.2.3, 1.3.0-pre, preminor",
        "1.2.3, 1.2.4-pre, prepatch",
        "1.2.3-pre.1, 1.2.3-pre.2, prerelease",
        "1.0.0-1, 1.0.0, major",
        "0.1.0-1, 0.1.0, minor",
        "1.2.3-1, 1.2.3, patch",
        "1.0.0-1, 2.0.0, major",
        "1.1.0-1, 1.2.0, minor",
        "1.1.1-1, 1.2.0, minor",
        "2.0.0, 1.0.0-1, major",
    })
    void should_name_the_change_like_node_when_diffing(String a, String b, String expected) {
        Optional<String> diff = Semver.diff(a, b).map(ReleaseType::wireName);

        assertThat(diff).isEqualTo(Optional.ofNullable(expected));
    }
}
