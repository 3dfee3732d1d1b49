package dev.mcpver.surface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.json.Json;
import dev.mcpver.migrate.CompatFinding;
import dev.mcpver.migrate.CompatSummary;
import dev.mcpver.migrate.MigrationGuide;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.ToolShape;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationCompatCheckTest {
    private static final String READ_INPUT =
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}";

    private final MigrationCompatCheck check =
            new MigrationCompatCheck(new CompatService(new InMemoryReportCache(10), Clock.systemUTC()), Json.mapper());

    private static ServerSurface surface(String version, ToolShape... tools) {
        return new ServerSurface("files", version, "2025-06-18", List.of(tools));
    }

    private static ToolShape tool(String name, String input) {
        return new ToolShape(name, "does " + name, input, null, true);
    }

    @Test
    void should_report_nothing_and_no_bump_when_the_observed_surfaces_agree() {
        ServerSurface release = surface("1.0.0", tool("read_file", READ_INPUT));

        CompatSummary summary = check.analyze(release, surface("1.0.1", tool("read_file", READ_INPUT)));

        assertThat(summary.findings()).isEmpty();
        assertThat(summary.requiredBump()).isEqualTo("none");
    }

    @Test
    void should_find_a_new_required_argument_and_a_removed_tool_with_the_analyzers_rule_ids() {
        ServerSurface from = surface("1.0.0", tool("read_file", READ_INPUT), tool("stat", READ_INPUT));
        String stricter = "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"},"
                + "\"encoding\":{\"type\":\"string\"}},\"required\":[\"path\",\"encoding\"]}";

        CompatSummary summary = check.analyze(from, surface("1.1.0", tool("read_file", stricter)));

        assertThat(summary.requiredBump()).isEqualTo("major");
        assertThat(summary.findings())
                .extracting(CompatFinding::rule, CompatFinding::level, CompatFinding::target)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("tool-removed", CompatFinding.Level.BREAKING, "tools/stat"),
                        org.assertj.core.groups.Tuple.tuple(
                                "tool-input-required-property-added",
                                CompatFinding.Level.BREAKING,
                                "tools/read_file#input/properties/encoding"));
        assertThat(summary.breaking()).isEqualTo(2);
    }

    @Test
    void should_hand_renames_to_the_client_migration_guide() {
        ServerSurface from = surface("1.0.0", tool("read_file", READ_INPUT));

        CompatSummary summary = check.analyze(from, surface("2.0.0", tool("read_text_file", READ_INPUT)));

        assertThat(summary.renames()).containsEntry("read_file", "read_text_file");
        MigrationGuide guide = MigrationGuide.from("files", "1.0.0", "2.0.0", summary);
        assertThat(guide.renames()).extracting(MigrationGuide.Item::tool).containsExactly("read_file");
        assertThat(guide.markdown()).contains("read_text_file");
    }
}
