package dev.mcpver.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionCheckTest {
    private static Surface version(String version) {
        return Surfaces.surface(
                "{'server':{'name':'s'" + (version.isEmpty() ? "" : ",'version':'" + version + "'") + "},'tools':[]}");
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}/{3}")
    @CsvSource({
        "1.0.0, 2.0.0, major, major, semver",
        "1.0.0, 1.1.0, minor, minor, semver",
        "1.0.0, 1.0.1, patch, patch, semver",
        "1.0.0, 1.0.0, none, none, semver",
        "1.0.0, 0.6.3, decrease, decrease, semver",
        "0.5.0, 0.6.0, minor, major, semver-0.x",
        "0.5.0, 0.5.1, patch, minor, semver-0.x",
        "0.9.2, 1.0.0, major, major, semver-0.x",
        "1.2.3-1, 1.2.3, none, none, semver",
        "2025.8.21, 2025.11.25, minor, minor, calver",
        "2026.1.26, 2.0.1, decrease, decrease, calver",
        "2025.06.18, 2025.07.01, minor, minor, numeric"
    })
    void should_read_the_declared_bump_from_two_versions(
            String before, String after, String component, String declared, String scheme) {
        VersionCheck check = VersionCheck.of(version(before), version(after));

        assertThat(check.component()).hasToString(component.toUpperCase(java.util.Locale.ROOT));
        assertThat(check.declared()).hasToString(declared.toUpperCase(java.util.Locale.ROOT));
        assertThat(check.scheme()).isEqualTo(scheme);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource({"'', 1.0.0", "banana, cherry"})
    void should_leave_the_declared_bump_unknown_when_versions_are_missing_or_not_versions(String a, String b) {
        VersionCheck check = VersionCheck.of(version(a), version(b));

        assertThat(check.declared()).isNull();
        assertThat(check.note()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "1.2.3, MAJOR, 2.0.0",
        "1.2.3, MINOR, 1.3.0",
        "1.2.3, PATCH, 1.2.4",
        "0.5.1, MAJOR, 0.6.0",
        "0.5.1, MINOR, 0.5.2",
        "1.2.3, NONE, 1.2.3"
    })
    void should_suggest_the_smallest_version_that_carries_the_required_bump(String before, Bump required, String next) {
        assertThat(VersionCheck.of(version(before), version(before)).suggested(required))
                .isEqualTo(next);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.0.0, 0.9.0, true", "1.0.0, 1.0.0, false"})
    void should_flag_a_decreasing_version_even_without_changes(String before, String after, boolean flagged) {
        CompatReport report = Surfaces.diff(version(before), version(after));

        assertThat(report.underBumped()).isEqualTo(flagged);
        assertThat(report.requiredBump()).isEqualTo(Bump.NONE);
    }
}
