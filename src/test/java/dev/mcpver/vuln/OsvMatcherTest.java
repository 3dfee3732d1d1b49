package dev.mcpver.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.json.Json;
import dev.mcpver.semver.Version;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsvMatcherTest {
    /** introduced 1.0.0, fixed 1.4.2; introduced 2.0.0-rc.1, last_affected 2.1.0; plus an explicit 0.9.9. */
    static final OsvAdvisory ADVISORY = OsvParser.parse(Json.read("""
            {"id":"GHSA-test-0001","modified":"2026-03-01T00:00:00Z","summary":"prototype pollution",
             "database_specific":{"severity":"CRITICAL"},
             "affected":[{"package":{"ecosystem":"npm","name":"Widget"},
               "ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0"},{"fixed":"1.4.2"},
                                                     {"introduced":"2.0.0-rc.1"},{"last_affected":"2.1.0"}]},
                         {"type":"GIT","repo":"https://example.com/w","events":[{"introduced":"0"},{"fixed":"abc"}]}],
               "versions":["0.9.9"]}]}
            """));

    @ParameterizedTest(name = "{0} affected={1}")
    @CsvSource({
        "0.9.8, false",
        "0.9.9, true",
        "1.0.0, true",
        "1.4.1, true",
        "1.4.2-rc.1, true",
        "1.4.2, false",
        "1.9.0, false",
        "2.0.0-beta, false",
        "2.0.0-rc.1, true",
        "2.0.0, true",
        "2.1.0, true",
        "2.1.1, false",
        "3.0.0, false"
    })
    void should_match_versions_against_semver_events_and_explicit_lists(String version, boolean affected) {
        List<AdvisoryHit> hits = OsvMatcher.match(ADVISORY, List.of("widget"), Version.parse(version));

        assertThat(!hits.isEmpty()).isEqualTo(affected);
    }

    @ParameterizedTest(name = "{0} hit={1} fixable={2}")
    @CsvSource({
        "^1.2.0, true, true",
        "^1.4.2, false, false",
        "~1.3.0, true, false",
        "1.4.1, true, false",
        ">=1.5.0 <2.0.0-0, false, false",
        "^2.0.0, true, false",
        ">2.1.0, false, false",
        "0.9.x, true, false",
        "<1.0.0, true, false",
        "*, true, true"
    })
    void should_report_a_dependency_range_that_admits_an_affected_version(String range, boolean hit, boolean fixable) {
        List<AdvisoryHit> hits = OsvMatcher.match(ADVISORY, "widget", range);

        assertThat(!hits.isEmpty()).as("hit").isEqualTo(hit);
        if (hit) {
            assertThat(hits.get(0).rangeAdmitsFix()).as("fixable").isEqualTo(fixable);
            assertThat(hits.get(0).subject()).isEqualTo("widget@" + range);
            assertThat(hits.get(0).fixedIn()).containsExactly("1.4.2");
        }
    }

    @Test
    void should_treat_introduced_zero_as_the_beginning_and_apply_limits() {
        OsvAdvisory advisory = OsvParser.parse(Json.read("""
                {"id":"OSV-2","affected":[{"package":{"ecosystem":"npm","name":"lib"},
                  "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"limit":"3.0.0"}]}]}]}
                """));

        assertThat(OsvMatcher.match(advisory, List.of("lib"), Version.parse("0.0.1-alpha")))
                .hasSize(1);
        assertThat(OsvMatcher.match(advisory, List.of("lib"), Version.parse("2.99.0")))
                .hasSize(1);
        assertThat(OsvMatcher.match(advisory, List.of("lib"), Version.parse("3.0.0")))
                .isEmpty();
        assertThat(OsvMatcher.match(advisory, List.of("other"), Version.parse("1.0.0")))
                .isEmpty();
    }

    @Test
    void should_skip_ranges_whose_versions_are_not_semver_but_keep_exact_listed_versions() {
        OsvAdvisory advisory = OsvParser.parse(Json.read("""
                {"id":"PYSEC-1","affected":[{"package":{"ecosystem":"PyPI","name":"lib"},
                  "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0.post1"}]}],
                  "versions":["0.5.0"]}]}
                """));

        assertThat(OsvMatcher.match(advisory, List.of("lib"), Version.parse("0.6.0")))
                .isEmpty();
        assertThat(OsvMatcher.match(advisory, List.of("lib"), Version.parse("0.5.0")))
                .hasSize(1);
    }

    @Test
    void should_read_the_severity_from_github_or_a_cvss_score() {
        OsvAdvisory scored = OsvParser.parse(
                Json.read("{\"id\":\"X\",\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"7.5\"}],\"affected\":[]}"));
        OsvAdvisory vector = OsvParser.parse(Json.read("{\"id\":\"Y\",\"severity\":[{\"type\":\"CVSS_V3\","
                + "\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}]}"));

        assertThat(ADVISORY.severity()).isEqualTo("critical");
        assertThat(scored.severity()).isEqualTo("high");
        assertThat(vector.severity()).isEqualTo("unknown");
    }

    @Test
    void should_refuse_documents_without_an_id_or_with_unknown_events() {
        assertThatThrownBy(() -> OsvParser.parse(Json.read("{\"summary\":\"x\"}")))
                .hasMessageContaining("id");
        assertThatThrownBy(() -> OsvParser.parse(Json.read("""
                {"id":"Z","affected":[{"package":{"name":"a"},"ranges":[{"type":"SEMVER","events":[{"broke":"1.0.0"}]}]}]}
                """))).hasMessageContaining("Z: a range event");
    }
}
