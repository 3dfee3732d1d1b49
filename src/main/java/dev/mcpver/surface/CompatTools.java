package dev.mcpver.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.auth.Role;
import dev.mcpver.compat.ReportFormat;
import dev.mcpver.compat.SurfaceException;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolHints;
import dev.mcpver.tools.ToolOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The analyzer and the snapshotter as catalog tools (agent, MCP and HTTP doors share them). */
public final class CompatTools {
    private CompatTools() {}

    /**
     * @param snapshot takes a snapshot from a launch spec and returns the surface file (not stored)
     */
    public static List<ToolDef> definitions(
            CompatService service, Function<JsonNode, JsonNode> snapshot, ObjectMapper mapper) {
        List<ToolDef> tools = new ArrayList<>();
        tools.add(ToolDef.readOnly(
                "compat_analyze",
                "Analyze MCP server compatibility",
                "Compare two versions of an MCP server surface (surface files, or captures of initialize/tools/list/"
                        + "prompts/list/resources results) and report every change with its rule id, level (breaking, "
                        + "potentially_breaking, non_breaking), affected consumer and target, plus the minimal SemVer "
                        + "bump the release owes and whether its declared version under-bumps. Optional: a policy "
                        + "(rule overrides, consumers, strict) and older releases for a transitive check. It does not "
                        + "contact any server: take snapshots first.",
                schema(mapper, "compat_analyze.input"),
                schema(mapper, "compat_analyze.output"),
                (args, context) -> analyze(service, mapper, args)));
        tools.add(ToolDef.readOnly(
                "compat_rules",
                "List compatibility rules",
                "List the compatibility analyzer's rule catalogue: each rule id with its default level, the consumer "
                        + "it protects and the bump it demands. Use it to explain a finding or to write a policy.",
                schema(mapper, "compat_rules.input"),
                schema(mapper, "compat_rules.output"),
                (args, context) -> ToolOutcome.ok(mapper.valueToTree(RuleCatalogue.json()))));
        tools.add(new ToolDef(
                "snapshot_server",
                "Snapshot a live MCP server",
                "Connect to an MCP server as a client — start a command over stdio, or a Streamable HTTP URL — and "
                        + "return its surface file: initialize/discover result, all tools, prompts, resources and "
                        + "templates (every page), and the protocol revisions it accepts. It starts the given process "
                        + "with only the given environment and stops it afterwards; it does not call any tool. Bounded "
                        + "by timeoutSeconds.",
                schema(mapper, "snapshot_server.input"),
                schema(mapper, "snapshot_server.output"),
                ToolHints.readOnlyOpen(),
                Role.OPERATOR,
                false,
                (args, context) -> ToolOutcome.ok(mapper.createObjectNode().set("surface", snapshot.apply(args)))));
        return tools;
    }

    private static ToolOutcome analyze(CompatService service, ObjectMapper mapper, JsonNode args) {
        List<JsonNode> history = new ArrayList<>();
        args.path("history").forEach(history::add);
        JsonNode policy = args.path("policy");
        CompatService.Request request = new CompatService.Request(
                args.get("old"), args.get("new"), policy.isMissingNode() ? null : policy, history);
        try {
            return ToolOutcome.ok(mapper.readTree(
                    service.analyze(request, ReportFormat.JSON, "").text()));
        } catch (SurfaceException e) {
            return ToolOutcome.failed("invalid_surface", String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Schemas live as resources next to this class, so the manifest and the code read the same text. */
    static JsonNode schema(ObjectMapper mapper, String name) {
        try (var in = CompatTools.class.getResourceAsStream("/dev/mcpver/surface/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + name);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
