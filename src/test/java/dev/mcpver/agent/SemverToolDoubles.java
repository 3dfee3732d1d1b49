package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.semver.Resolution;
import dev.mcpver.semver.Semver;
import dev.mcpver.semver.Version;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolHandler;
import dev.mcpver.tools.ToolHints;
import dev.mcpver.tools.ToolOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Test doubles of the SemVer catalog tools (the lead adds the real ones on main): the names, argument names and
 * result shapes of the HTTP API in the README, computed with the real engine. Plus tools that misbehave on purpose.
 */
final class SemverToolDoubles {
    private SemverToolDoubles() {}

    static List<ToolDef> all() {
        return List.of(
                tool(
                        "semver_parse",
                        "{\"version\":{\"type\":\"string\"}}",
                        "[\"version\"]",
                        args -> parse(args.get("version").asText())),
                tool(
                        "semver_compare",
                        twoVersions(),
                        "[\"a\",\"b\"]",
                        args -> object(
                                "result",
                                Semver.compare(
                                        args.get("a").asText(), args.get("b").asText()))),
                tool(
                        "semver_satisfies",
                        "{\"version\":{\"type\":\"string\"},\"range\":{\"type\":\"string\"}}",
                        "[\"version\",\"range\"]",
                        args -> object(
                                "satisfies",
                                Semver.satisfies(
                                        args.get("version").asText(),
                                        args.get("range").asText()))),
                tool("semver_range", "{\"range\":{\"type\":\"string\"}}", "[\"range\"]", args -> {
                    ObjectNode result = object("valid", true);
                    result.put("normalized", Semver.validRange(args.get("range").asText()));
                    return result;
                }),
                tool(
                        "semver_resolve",
                        "{\"range\":{\"type\":\"string\"},\"versions\":{\"type\":\"array\","
                                + "\"items\":{\"type\":\"string\"},\"maxItems\":1000}}",
                        "[\"range\",\"versions\"]",
                        args -> resolve(args)),
                tool(
                        "semver_next",
                        "{\"version\":{\"type\":\"string\"},\"bump\":{\"type\":\"string\",\"enum\":[\"major\","
                                + "\"premajor\",\"minor\",\"preminor\",\"patch\",\"prepatch\",\"prerelease\"]},\"preid\":{\"type\":\"string\"}}",
                        "[\"version\",\"bump\"]",
                        args -> object(
                                "version",
                                Semver.next(
                                        args.get("version").asText(),
                                        args.get("bump").asText(),
                                        args.hasNonNull("preid")
                                                ? args.get("preid").asText()
                                                : null))),
                tool("semver_diff", twoVersions(), "[\"a\",\"b\"]", args -> {
                    ObjectNode result = JsonNodeFactory.instance.objectNode();
                    Semver.diff(args.get("a").asText(), args.get("b").asText())
                            .ifPresentOrElse(type -> result.put("diff", type.wireName()), () -> result.putNull("diff"));
                    return result;
                }));
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
                    ObjectNode result = object("promoted", true);
                    result.put("by", ctx.caller().subject());
                    return ToolOutcome.ok(result);
                });
    }

    private static String twoVersions() {
        return "{\"a\":{\"type\":\"string\",\"description\":\"a version\"},\"b\":{\"type\":\"string\",\"minLength\":1}}";
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

    private static ObjectNode object(String key, Object value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set(key, Json.mapper().valueToTree(value));
        return node;
    }

    private static JsonNode parse(String text) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        Version version = Version.tryParse(text).orElse(null);
        result.put("valid", version != null);
        if (version != null) {
            result.put("version", version.toString());
            result.put("major", version.major());
            result.put("minor", version.minor());
            result.put("patch", version.patch());
            version.prerelease().forEach(id -> result.withArray("prerelease").add(id.toString()));
            version.build().forEach(id -> result.withArray("build").add(id));
        }
        return result;
    }

    private static JsonNode resolve(JsonNode args) {
        List<String> versions = new ArrayList<>();
        args.get("versions").forEach(v -> versions.add(v.asText()));
        Resolution resolution = Semver.resolve(args.get("range").asText(), versions);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("max", resolution.max());
        result.put("min", resolution.min());
        resolution.matching().forEach(result.withArray("matching")::add);
        return result;
    }
}
