package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.tools.SemverTools;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolHandler;
import dev.mcpver.tools.ToolHints;
import dev.mcpver.tools.ToolOutcome;
import java.util.List;
import java.util.function.Function;

/** The SemVer catalog tools, plus test tools that misbehave or change state on purpose. */
final class SemverToolDoubles {
    private SemverToolDoubles() {}

    /** The real SemVer catalog tools from main. */
    static List<ToolDef> all() {
        return SemverTools.all();
    }

    /** A read-only tool whose handler always throws. */
    static ToolDef exploding() {
        return new ToolDef(
                "explode",
                "Explode",
                "Always fails (test double).",
                schema("{}", "[]"),
                Json.read("{\"type\":\"object\"}"),
                ToolHints.readOnlyClosed(),
                Role.VIEWER,
                false,
                (args, ctx) -> {
                    throw new IllegalStateException("engine exploded");
                });
    }

    /** A state-changing tool that needs a person's confirmation; counts its executions. */
    static ToolDef promote(java.util.concurrent.atomic.AtomicInteger executions) {
        return new ToolDef(
                "promote_version",
                "Promote",
                "Promotes a version to stable (test double).",
                schema(
                        "{\"server\":{\"type\":\"string\"},\"version\":{\"type\":\"string\"}}",
                        "[\"server\",\"version\"]"),
                Json.read("{\"type\":\"object\"}"),
                new ToolHints(false, false, true, false),
                Role.OPERATOR,
                true,
                (args, ctx) -> {
                    executions.incrementAndGet();
                    ObjectNode result = JsonNodeFactory.instance.objectNode().put("promoted", true);
                    result.put("by", ctx.caller().subject());
                    return ToolOutcome.ok(result);
                });
    }

    static ToolDef tool(String name, String properties, String required, Function<JsonNode, JsonNode> body) {
        ToolHandler handler = (args, ctx) -> ToolOutcome.ok(body.apply(args));
        return ToolDef.readOnly(
                name,
                name,
                "SemVer test double: " + name,
                schema(properties, required),
                Json.read("{\"type\":\"object\"}"),
                handler);
    }

    static JsonNode schema(String properties, String required) {
        return Json.read("{\"type\":\"object\",\"properties\":" + properties + ",\"required\":" + required
                + ",\"additionalProperties\":false}");
    }
}
