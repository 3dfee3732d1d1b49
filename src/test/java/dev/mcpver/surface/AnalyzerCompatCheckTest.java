package dev.mcpver.surface;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import dev.mcpver.registry.Bump;
import dev.mcpver.registry.CompatCheck;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class AnalyzerCompatCheckTest {
    private final CompatCheck check =
            new AnalyzerCompatCheck(new CompatService(new InMemoryReportCache(10), Clock.systemUTC()));

    private static JsonNode json(String text) throws Exception {
        return Json.create().readTree(text.replace('\'', '"'));
    }

    @Test
    void should_answer_the_registry_with_the_required_bump_and_the_report() throws Exception {
        JsonNode before = json(
                "{'tools':[{'name':'a','inputSchema':{'type':'object'}},{'name':'b','inputSchema':{'type':'object'}}]}");
        JsonNode after = json("{'tools':[{'name':'a','inputSchema':{'type':'object'}}]}");

        CompatCheck.Required required = check.requiredBump(
                        new CompatCheck.VersionSurface("1.0.0", before), new CompatCheck.VersionSurface("1.1.0", after))
                .orElseThrow();

        assertThat(required.analyzer()).isEqualTo("mcpver-compat/1");
        assertThat(required.bump()).isEqualTo(Bump.MAJOR);
        assertThat(required.summary())
                .isEqualTo(
                        "1 breaking, 0 potentially breaking, 0 non-breaking changes; the release requires a major bump.");
        assertThat(required.details()).isNotNull();
        assertThat(required.details().get("declaredBump").asText()).isEqualTo("minor");
        assertThat(required.details().get("underBumped").asBoolean()).isTrue();
    }

    @Test
    void should_leave_surfaces_it_cannot_read_unjudged() throws Exception {
        assertThat(check.requiredBump(
                        new CompatCheck.VersionSurface("1.0.0", json("{'hello':1}")),
                        new CompatCheck.VersionSurface("1.0.1", json("{'tools':[]}"))))
                .isEmpty();
    }
}
