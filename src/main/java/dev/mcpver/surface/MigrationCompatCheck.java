package dev.mcpver.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.compat.Change;
import dev.mcpver.compat.CompatReport;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.json.JsonInterner;
import dev.mcpver.migrate.CompatFinding;
import dev.mcpver.migrate.CompatSummary;
import dev.mcpver.migrate.CompatibilityCheck;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.ToolShape;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The migrations' compatibility port answered by the analyzer: a plan's compatibility step, its breaking-change
 * refusal and the client migration guide read the same report as {@code mcpver diff} and the registry's gate.
 *
 * <p>Migrations only observe {@code initialize} and {@code tools/list}, so the surfaces are handed to the analyzer as
 * capture objects with only {@code server} and {@code tools}: prompts, resources and capabilities are "not captured"
 * and therefore not compared, rather than reported as removed.
 */
public final class MigrationCompatCheck implements CompatibilityCheck {
    private final CompatService service;
    private final ObjectMapper mapper;

    public MigrationCompatCheck(CompatService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @Override
    public CompatSummary analyze(ServerSurface from, ServerSurface to) {
        JsonInterner interner = new JsonInterner();
        Surface before = CompatService.parse(capture(from), "/from", interner);
        Surface after = CompatService.parse(capture(to), "/to", interner);
        CompatReport report = service.report(before, after);
        List<CompatFinding> findings =
                report.changes().stream().map(MigrationCompatCheck::finding).toList();
        return new CompatSummary(report.requiredBump().name().toLowerCase(Locale.ROOT), findings, report.renames());
    }

    private static CompatFinding finding(Change change) {
        return new CompatFinding(
                change.rule().id(),
                CompatFinding.Level.valueOf(change.level().name()),
                change.target(),
                change.message());
    }

    /** {@code {"server": {name, version}, "tools": [...]}}: what a migration knows about one release. */
    JsonNode capture(ServerSurface surface) {
        ObjectNode capture = mapper.createObjectNode();
        capture.putObject("server").put("name", surface.serverName()).put("version", surface.serverVersion());
        ArrayNode tools = capture.putArray("tools");
        for (ToolShape shape : surface.tools()) {
            ObjectNode tool = tools.addObject();
            tool.put("name", shape.name());
            tool.put("description", shape.description());
            tool.set("inputSchema", parse(shape.inputSchema()));
            if (shape.outputSchema() != null) {
                tool.set("outputSchema", parse(shape.outputSchema()));
            }
            tool.putObject("annotations").put("readOnlyHint", shape.readOnly());
        }
        return capture;
    }

    private JsonNode parse(String schema) {
        try {
            return mapper.readTree(schema);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("a stored tool schema is not JSON", e);
        }
    }
}
