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
    void should_use_lowercase_wire_names_when_mapping_release_types() {
        for (ReleaseType type : ReleaseType.values()) {
            assertThat(ReleaseType.fromWire(type.wireName())).contains(type);
        }
        assertThat(ReleaseType.PREMAJOR.wireName()).isEqualTo("premajor");
    }
}
