package dev.mcpver.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** compat.md §5.8: a release closes every input object, the next opens them again. */
class TransitiveTest {
    private static Surface release(String version, boolean closed) {
        return Surfaces.withInput(
                version,
                "{'type':'object','properties':{'p':{'type':'string'}}"
                        + (closed ? ",'additionalProperties':false" : "") + "}");
    }

    @Test
    void should_report_break_then_relax_consecutively_but_nothing_against_the_pinned_release() {
        Surface v1 = release("1.0.0", false);
        Surface v2 = release("1.1.0", true);
        Surface v3 = release("1.2.0", false);

        CompatReport consecutive = Surfaces.diff(v2, v3);
        CompatReport pinned = Surfaces.diff(v1, v3);
        CompatReport transitive = new CompatAnalyzer().analyzeTransitive(List.of(v1, v2), v3, Policy.DEFAULT);

        assertThat(Surfaces.diff(v1, v2).requiredBump()).isEqualTo(Bump.MAJOR);
        assertThat(consecutive.requiredBump()).isEqualTo(Bump.MINOR);
        assertThat(pinned.changes()).isEmpty();
        assertThat(transitive.transitive()).singleElement().satisfies(entry -> {
            assertThat(entry.against().version()).isEqualTo("1.0.0");
            assertThat(entry.changes()).isEmpty();
        });
        assertThat(transitive.transitiveRequiredBump()).isEqualTo(Bump.MINOR);
    }

    @Test
    void should_catch_a_break_against_an_older_release_that_the_predecessor_already_had() {
        Surface v1 =
                Surfaces.surface("{'server':{'version':'1.0.0'},'tools':[{'name':'a','inputSchema':{'type':'object'}},"
                        + "{'name':'b','inputSchema':{'type':'object'}}]}");
        Surface v2 = Surfaces.surface(
                "{'server':{'version':'2.0.0'},'tools':[{'name':'a','inputSchema':{'type':'object'}}]}");
        Surface v3 =
                Surfaces.surface("{'server':{'version':'2.1.0'},'tools':[{'name':'a','inputSchema':{'type':'object'}},"
                        + "{'name':'c','inputSchema':{'type':'object'}}]}");

        CompatReport report = new CompatAnalyzer().analyzeTransitive(List.of(v1, v2), v3, Policy.DEFAULT);

        assertThat(report.requiredBump()).isEqualTo(Bump.MINOR);
        assertThat(report.transitiveRequiredBump()).isEqualTo(Bump.MAJOR);
        assertThat(report.worstLevel()).contains(Level.BREAKING);
    }
}
