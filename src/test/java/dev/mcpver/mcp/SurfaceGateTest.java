package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.json.Json;
import org.junit.jupiter.api.Test;

class SurfaceGateTest {
    private static final JsonNode BASE = McpManifest.of(McpFixtures.surface(), Json.mapper());

    @Test
    void should_report_nothing_for_the_same_surface_or_pure_additions() {
        ObjectNode more = BASE.deepCopy();
        ((ArrayNode) more.get("tools")).addObject().put("name", "brand_new");
        ((ObjectNode) more.get("tools").get(0)).put("description", "reworded");

        assertThat(SurfaceGate.breakingChanges(BASE, BASE)).isEmpty();
        assertThat(SurfaceGate.breakingChanges(BASE, more)).isEmpty();
    }

    @Test
    void should_report_removed_tools_changed_schemas_and_new_required_prompt_arguments() {
        ObjectNode changed = BASE.deepCopy();
        ((ArrayNode) changed.get("tools")).remove(0);
        ((ObjectNode) changed.get("tools").get(0).get("annotations")).put("readOnlyHint", false);
        ((ObjectNode) changed.at("/prompts/0/arguments/1")).put("required", true);
        ((ArrayNode) changed.get("resourceTemplates")).remove(0);

        assertThat(SurfaceGate.breakingChanges(BASE, changed))
                .containsExactly(
                        "tools/semver_parse: removed",
                        "tools/semver_compare#annotations: changed",
                        "prompts/greet#arguments/mood: now required",
                        "resourceTemplates/mcpver://catalog/tools/{name}: removed");
    }

    @Test
    void should_allow_breaking_changes_with_a_major_bump_or_a_minor_bump_in_0x() {
        assertThat(SurfaceGate.breakingAllowed("1.4.0", "2.0.0")).isTrue();
        assertThat(SurfaceGate.breakingAllowed("1.4.0", "1.5.0")).isFalse();
        assertThat(SurfaceGate.breakingAllowed("0.1.0", "0.2.0")).isTrue();
        assertThat(SurfaceGate.breakingAllowed("0.1.0", "0.1.1")).isFalse();
    }
}
