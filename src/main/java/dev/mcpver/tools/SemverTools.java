package dev.mcpver.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.semver.PrereleaseId;
import dev.mcpver.semver.ReleaseType;
import dev.mcpver.semver.Resolution;
import dev.mcpver.semver.Semver;
import dev.mcpver.semver.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The SemVer operations as catalog tools. Their JSON answers are the HTTP API's ({@code /api/v1/semver/*}) and the
 * CLI's, byte for byte: every door calls these handlers. Semantics: node-semver 7.8.6, strict mode, with invalid
 * input reported as {@code invalid_arguments} instead of null/false.
 */
public final class SemverTools {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String VERSION =
            "{\"type\":\"string\",\"description\":\"a SemVer 2.0.0 version, e.g. 1.2.3-rc.1\"}";
    private static final String RANGE =
            "{\"type\":\"string\",\"description\":\"an npm range, e.g. ^1.2.3 || >=2.5.0 <3\"}";

    private SemverTools() {}

    public static List<ToolDef> all() {
        return List.of(parse(), compare(), satisfies(), range(), resolve(), next(), diff());
    }

    static ToolDef parse() {
        return ToolDef.readOnly(
                "semver_parse",
                "Parse a SemVer version",
                "Parses a version with node-semver's strict grammar and returns its parts. Numeric prerelease "
                        + "identifiers come back as numbers. Fails with invalid_arguments when the text is not a version.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"version\":" + VERSION
                        + "},\"required\":[\"version\"],\"additionalProperties\":false}"),
                Schemas.of("""
                        {"type":"object","required":["valid","version","major","minor","patch","prerelease","build"],
                         "properties":{"valid":{"const":true},"version":{"type":"string"},
                          "major":{"type":"integer"},"minor":{"type":"integer"},"patch":{"type":"integer"},
                          "prerelease":{"type":"array","items":{"type":["string","integer"]}},
                          "build":{"type":"array","items":{"type":"string"}}}}"""),
                (args, ctx) -> ToolOutcome.ok(
                        describe(Version.parse(args.get("version").asText()))));
    }

    static ToolDef compare() {
        return ToolDef.readOnly(
                "semver_compare",
                "Compare two versions",
                "Compares the precedence of a and b (SemVer §11; build metadata ignored): -1 if a < b, 0 if equal, "
                        + "1 if a > b.",
                twoVersions(),
                Schemas.of("{\"type\":\"object\",\"required\":[\"result\"],\"properties\":{\"result\":"
                        + "{\"type\":\"integer\",\"enum\":[-1,0,1]}}}"),
                (args, ctx) ->
                        ToolOutcome.ok(object().put("result", Semver.compare(text(args, "a"), text(args, "b")))));
    }

    static ToolDef satisfies() {
        return ToolDef.readOnly(
                "semver_satisfies",
                "Check a version against a range",
                "Tells whether a version satisfies an npm range. A prerelease only satisfies a range that names a "
                        + "prerelease on the same major.minor.patch (so 1.3.0-rc.1 does not satisfy ^1.2.3).",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"version\":" + VERSION + ",\"range\":" + RANGE
                        + "},\"required\":[\"version\",\"range\"],\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"satisfies\"],\"properties\":{\"satisfies\":"
                        + "{\"type\":\"boolean\"}}}"),
                (args, ctx) -> ToolOutcome.ok(
                        object().put("satisfies", Semver.satisfies(text(args, "version"), text(args, "range")))));
    }

    static ToolDef range() {
        return ToolDef.readOnly(
                "semver_range",
                "Validate and normalize a range",
                "Validates an npm range and returns node's normalized form (validRange), e.g. ^1.2.3 becomes "
                        + ">=1.2.3 <2.0.0-0. Fails with invalid_arguments for an invalid range.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"range\":" + RANGE
                        + "},\"required\":[\"range\"],\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"valid\",\"normalized\"],\"properties\":{\"valid\":"
                        + "{\"const\":true},\"normalized\":{\"type\":\"string\"}}}"),
                (args, ctx) -> ToolOutcome.ok(
                        object().put("valid", true).put("normalized", Semver.validRange(text(args, "range")))));
    }

    static ToolDef resolve() {
        return ToolDef.readOnly(
                "semver_resolve",
                "Resolve a range against versions",
                "Finds which of the given versions satisfy a range: the highest (max), the lowest (min) and all "
                        + "matching entries in input order. Entries that are not valid versions never match.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"range\":" + RANGE + ",\"versions\":{\"type\":"
                        + "\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"range\",\"versions\"],"
                        + "\"additionalProperties\":false}"),
                Schemas.of("""
                        {"type":"object","required":["max","min","matching"],
                         "properties":{"max":{"type":["string","null"]},"min":{"type":["string","null"]},
                          "matching":{"type":"array","items":{"type":"string"}}}}"""),
                (args, ctx) ->
                        ToolOutcome.ok(resolution(Semver.resolve(text(args, "range"), strings(args.get("versions"))))));
    }

    static ToolDef next() {
        return ToolDef.readOnly(
                "semver_next",
                "Compute the next version",
                "Computes the version after a bump with node-semver's inc semantics (build metadata dropped). "
                        + "prerelease on a release bumps the patch first (1.2.3 -> 1.2.4-0); preid names the prerelease "
                        + "(1.2.3 premajor rc -> 2.0.0-rc.0).",
                Schemas.of(
                        "{\"type\":\"object\",\"properties\":{\"version\":" + VERSION + ",\"bump\":{\"type\":"
                                + "\"string\",\"enum\":[\"major\",\"minor\",\"patch\",\"premajor\",\"preminor\",\"prepatch\","
                                + "\"prerelease\"]},\"preid\":{\"type\":\"string\",\"description\":\"prerelease identifier, "
                                + "e.g. rc or alpha.beta\"}},\"required\":[\"version\",\"bump\"],\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"version\"],\"properties\":{\"version\":{\"type\":"
                        + "\"string\"}}}"),
                (args, ctx) -> ToolOutcome.ok(object().put(
                                "version",
                                Semver.next(
                                        text(args, "version"),
                                        text(args, "bump"),
                                        args.hasNonNull("preid") ? text(args, "preid") : null))));
    }

    static ToolDef diff() {
        return ToolDef.readOnly(
                "semver_diff",
                "Classify the difference between two versions",
                "Returns the most significant difference between a and b (major, premajor, minor, preminor, patch, "
                        + "prepatch, prerelease), or null when they have the same precedence.",
                twoVersions(),
                Schemas.of("{\"type\":\"object\",\"required\":[\"diff\"],\"properties\":{\"diff\":{\"enum\":[null,"
                        + "\"major\",\"premajor\",\"minor\",\"preminor\",\"patch\",\"prepatch\",\"prerelease\"]}}}"),
                (args, ctx) -> ToolOutcome.ok(object().put(
                                "diff",
                                Semver.diff(text(args, "a"), text(args, "b"))
                                        .map(ReleaseType::wireName)
                                        .orElse(null))));
    }

    /** The parse answer: canonical version without build metadata; safe numeric prerelease ids as numbers. */
    static ObjectNode describe(Version version) {
        ObjectNode out = object().put("valid", true).put("version", version.toString());
        out.put("major", version.major()).put("minor", version.minor()).put("patch", version.patch());
        ArrayNode prerelease = out.putArray("prerelease");
        for (PrereleaseId id : version.prerelease()) {
            OptionalLong number = id.safeNumber();
            if (number.isPresent()) {
                prerelease.add(number.getAsLong());
            } else {
                prerelease.add(id.text());
            }
        }
        ArrayNode build = out.putArray("build");
        version.build().forEach(build::add);
        return out;
    }

    private static ObjectNode resolution(Resolution resolution) {
        ObjectNode out = object().put("max", resolution.max()).put("min", resolution.min());
        ArrayNode matching = out.putArray("matching");
        resolution.matching().forEach(matching::add);
        return out;
    }

    private static JsonNode twoVersions() {
        return Schemas.of("{\"type\":\"object\",\"properties\":{\"a\":" + VERSION + ",\"b\":" + VERSION
                + "},\"required\":[\"a\",\"b\"],\"additionalProperties\":false}");
    }

    private static String text(JsonNode args, String field) {
        return args.get(field).asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        array.forEach(element -> values.add(element.asText()));
        return values;
    }

    private static ObjectNode object() {
        return JSON.objectNode();
    }
}
