package dev.mcpver.semver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Answers a corpus case the way the HTTP API of semver.md §1 would, but by calling the engine directly: a
 * 200 body built from the engine's result, or a 400 when the engine throws {@link SemverException}.
 * Cases whose 400 comes from HTTP-level validation alone (a missing query parameter, a resolve body that
 * is not {@code {"range": string, "versions": [string]}}) have no engine call and are reported as such.
 */
final class EngineApi {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EngineApi() {}

    /** What the engine says about one case. */
    sealed interface Answer permits Ok, BadRequest, HttpOnly {}

    record Ok(JsonNode body) implements Answer {}

    record BadRequest(String message) implements Answer {}

    /** The input never reaches the engine; only the HTTP layer can reject it. */
    record HttpOnly(String reason) implements Answer {}

    static Answer answer(JsonNode testCase) {
        String endpoint = testCase.get("path").asText().replace("/api/v1/semver/", "");
        JsonNode input = testCase.has("query") ? testCase.get("query") : testCase.get("body_in");
        Optional<String> missing = missingParameter(endpoint, input);
        if (missing.isPresent()) {
            return new HttpOnly(missing.get());
        }
        try {
            return new Ok(roundTrip(call(endpoint, input)));
        } catch (SemverException e) {
            return new BadRequest(String.valueOf(e.getMessage()));
        }
    }

    private static Optional<String> missingParameter(String endpoint, JsonNode in) {
        List<String> required =
                switch (endpoint) {
                    case "parse" -> List.of("version");
                    case "compare", "diff" -> List.of("a", "b");
                    case "satisfies" -> List.of("version", "range");
                    case "range" -> List.of("range");
                    case "next" -> List.of("version", "bump");
                    case "resolve" -> List.of("range", "versions");
                    default -> throw new IllegalArgumentException(endpoint);
                };
        for (String name : required) {
            if (!in.has(name)) {
                return Optional.of("missing parameter " + name);
            }
        }
        if (endpoint.equals("resolve") && !isResolveBody(in)) {
            return Optional.of("resolve body is not {range: string, versions: [string]}");
        }
        return Optional.empty();
    }

    private static boolean isResolveBody(JsonNode in) {
        if (!in.get("range").isTextual() || !in.get("versions").isArray()) {
            return false;
        }
        for (JsonNode v : in.get("versions")) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode call(String endpoint, JsonNode in) {
        return switch (endpoint) {
            case "parse" -> parse(text(in, "version"));
            case "compare" -> NODES.objectNode().put("result", Semver.compare(text(in, "a"), text(in, "b")));
            case "satisfies" ->
                NODES.objectNode().put("satisfies", Semver.satisfies(text(in, "version"), text(in, "range")));
            case "range" ->
                NODES.objectNode().put("valid", true).put("normalized", Semver.validRange(text(in, "range")));
            case "resolve" -> resolve(text(in, "range"), in.get("versions"));
            case "next" ->
                NODES.objectNode()
                        .put("version", Semver.next(text(in, "version"), text(in, "bump"), optionalText(in, "preid")));
            case "diff" ->
                NODES.objectNode()
                        .put(
                                "diff",
                                Semver.diff(text(in, "a"), text(in, "b"))
                                        .map(ReleaseType::wireName)
                                        .orElse(null));
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    /** The parse body: numeric prerelease identifiers below 2^53−1 become JSON numbers, as in node. */
    static ObjectNode parse(String text) {
        Version v = Version.parse(text);
        ObjectNode body = NODES.objectNode().put("valid", true).put("version", v.toString());
        body.put("major", v.major()).put("minor", v.minor()).put("patch", v.patch());
        ArrayNode pre = body.putArray("prerelease");
        for (PrereleaseId id : v.prerelease()) {
            if (id.safeNumber().isPresent()) {
                pre.add(id.safeNumber().getAsLong());
            } else {
                pre.add(id.text());
            }
        }
        ArrayNode build = body.putArray("build");
        v.build().forEach(build::add);
        return body;
    }

    private static JsonNode resolve(String range, JsonNode versions) {
        List<String> entries = new ArrayList<>();
        versions.forEach(v -> entries.add(v.asText()));
        Resolution r = Semver.resolve(range, entries);
        ObjectNode body = NODES.objectNode().put("max", r.max()).put("min", r.min());
        ArrayNode matching = body.putArray("matching");
        r.matching().forEach(matching::add);
        return body;
    }

    private static String text(JsonNode in, String name) {
        return in.get(name).asText();
    }

    private static @Nullable String optionalText(JsonNode in, String name) {
        return in.has(name) ? in.get(name).asText() : null;
    }

    /** Serialises and re-reads, so numbers compare by value (IntNode vs LongNode) like the wire would. */
    private static JsonNode roundTrip(JsonNode node) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(node));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
