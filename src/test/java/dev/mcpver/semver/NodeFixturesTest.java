package dev.mcpver.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * node-semver's own fixtures (v7.8.5 tree, also verified against 7.8.6), run against the engine. Every row
 * that applies to a strict, {@code includePrerelease=false} API runs; the others are reported as skipped
 * with their reason, and {@link #should_run_and_skip_the_expected_rows_when_classifying_fixtures} pins how
 * many of each there are.
 */
class NodeFixturesTest {
    static List<NodeFixtures.Row> comparisons() {
        return NodeFixtures.rows("comparisons");
    }

    static List<NodeFixtures.Row> equality() {
        return NodeFixtures.rows("equality");
    }

    static List<NodeFixtures.Row> validVersions() {
        return NodeFixtures.rows("valid-versions");
    }

    static List<NodeFixtures.Row> invalidVersions() {
        return NodeFixtures.rows("invalid-versions");
    }

    static List<NodeFixtures.Row> increments() {
        return NodeFixtures.rows("increments");
    }

    static List<NodeFixtures.Row> rangeParse() {
        return NodeFixtures.rows("range-parse");
    }

    static List<NodeFixtures.Row> rangeInclude() {
        return NodeFixtures.rows("range-include");
    }

    static List<NodeFixtures.Row> rangeExclude() {
        return NodeFixtures.rows("range-exclude");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void should_order_first_above_second_when_comparing(NodeFixtures.Row row) {
        runOnlyIfApplicable(row);
        Version greater = Version.parse(row.text(0));
        Version smaller = Version.parse(row.text(1));

        assertThat(greater.compareTo(smaller)).isEqualTo(1);
        assertThat(smaller.compareTo(greater)).isEqualTo(-1);
        assertThat(greater.compareTo(Version.parse(row.text(0)))).isZero();
        assertThat(smaller.compareTo(Version.parse(row.text(1)))).isZero();
        assertThat(Semver.compare(row.text(0), row.text(1))).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equality")
    void should_have_same_precedence_when_fixture_says_equal(NodeFixtures.Row row) {
        runOnlyIfApplicable(row);
        Version a = Version.parse(row.text(0));
        Version b = Version.parse(row.text(1));

        assertThat(a.compareTo(b)).isZero();
        assertThat(b.compareTo(a)).isZero();
        assertThat(a.samePrecedence(b)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validVersions")
    void should_expose_parts_when_parsing_valid_version(NodeFixtures.Row row) {
        runOnlyIfApplicable(row);
        JsonNode body = EngineApi.parse(row.text(0));

        assertThat(body.get("major").asLong()).isEqualTo(row.values().get(1).asLong());
        assertThat(body.get("minor").asLong()).isEqualTo(row.values().get(2).asLong());
        assertThat(body.get("patch").asLong()).isEqualTo(row.values().get(3).asLong());
        assertThat(body.get("prerelease").toString())
                .isEqualTo(row.values().get(4).toString());
        assertThat(body.get("build")).isEqualTo(row.values().get(5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVersions")
    void should_reject_when_version_is_invalid(NodeFixtures.Row row) {
        runOnlyIfApplicable(row);

        assertThatThrownBy(() -> Version.parse(row.text(0))).isInstanceOf(SemverException.class);
        assertThat(Version.tryParse(row.text(0))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("increments")
    void should_increment_like_node_when_bumping(NodeFixtures.Row row) {
        runOnlyIfApplicable(row);
        String identifier = NodeFixtures.incrementIdentifier(row);

        if (row.isNull(2)) {
            assertThatThrownBy(() -> Semver.next(row.text(0), row.text(1), identifier))
                    .isInstanceOf(SemverException.class);
        } else {
            assertThat(Semver.next(row.text(0), row.text(1), identifier)).isEqualTo(row.text(2));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangeParse")
    void should_normalize_like_valid_range_when_parsing_range(NodeFixtures.Row row) {
        runOnlyIfApplicable(row);

        if (row.isNull(1)) {
            assertThatThrownBy(() -> Range.parse(row.text(0))).isInstanceOf(SemverException.class);
        } else {
            assertThat(Range.parse(row.text(0)).normalized()).isEqualTo(row.text(1));
            assertThat(Range.parse(row.text(1)).normalized()).isEqualTo(row.text(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangeInclude")
    void should_satisfy_when_fixture_includes_version(NodeFixtures.Row row) {
        runOnlyIfApplicable(row);

        assertThat(Range.parse(row.text(0)).test(Version.parse(row.text(1)))).isTrue();
        assertThat(Semver.satisfies(row.text(1), row.text(0))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangeExclude")
    void should_not_satisfy_when_fixture_excludes_version(NodeFixtures.Row row) {
        runOnlyIfApplicable(row);

        if (Version.tryParse(row.text(1)).isEmpty()) {
            // node answers false for an invalid version; this API rejects it instead.
            assertThatThrownBy(() -> Semver.satisfies(row.text(1), row.text(0))).isInstanceOf(SemverException.class);
        } else {
            assertThat(Semver.satisfies(row.text(1), row.text(0))).isFalse();
        }
    }

    @Test
    void should_run_and_skip_the_expected_rows_when_classifying_fixtures() {
        Map<String, String> counts = new TreeMap<>();
        for (String file : List.of(
                "comparisons",
                "equality",
                "valid-versions",
                "invalid-versions",
                "increments",
                "range-parse",
                "range-include",
                "range-exclude")) {
            List<NodeFixtures.Row> rows = NodeFixtures.rows(file);
            long skipped = rows.stream().filter(r -> r.skipReason() != null).count();
            counts.put(file, (rows.size() - skipped) + " run / " + skipped + " skipped");
        }

        // Numbers follow the fixture README: default rows plus loose rows that also hold in strict mode.
        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "comparisons", "31 run / 0 skipped",
                        "equality", "11 run / 26 skipped",
                        "valid-versions", "22 run / 0 skipped",
                        "invalid-versions", "7 run / 0 skipped",
                        "increments", "99 run / 34 skipped",
                        "range-parse", "118 run / 15 skipped",
                        "range-include", "101 run / 25 skipped",
                        "range-exclude", "80 run / 18 skipped"));
    }

    private static void runOnlyIfApplicable(NodeFixtures.Row row) {
        Assumptions.assumeTrue(row.skipReason() == null, () -> "skipped: " + row.skipReason());
    }
}
