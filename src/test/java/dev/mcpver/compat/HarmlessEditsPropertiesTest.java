package dev.mcpver.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.json.JsonWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The bar "never call a change breaking that only touches descriptions or representation": random schemas get only
 * description edits, or only meaning-preserving rewrites (type arrays, nullable wraps, const/enum, defaults made
 * explicit, $defs extraction, allOf wraps, integer bounds), and the analyzer must not report any breaking or
 * potentially breaking change.
 */
class HarmlessEditsPropertiesTest {

    private static Surface surface(String version, String description, JsonValue input, JsonValue output) {
        Map<String, JsonValue> tool = new LinkedHashMap<>();
        tool.put("name", JsonValue.of("t"));
        tool.put("description", JsonValue.of(description));
        tool.put("inputSchema", input);
        tool.put("outputSchema", output);
        return SurfaceParser.parse(new JsonValue.JObject(Map.of(
                "server", new JsonValue.JObject(Map.of("name", JsonValue.of("s"), "version", JsonValue.of(version))),
                "tools", new JsonValue.JArray(List.of(new JsonValue.JObject(tool))))));
    }

    @Property(tries = 400)
    void should_never_report_breaking_when_only_descriptions_change(@ForAll long seed) {
        RandomSchemas schemas = new RandomSchemas(seed);
        Random random = schemas.random();
        JsonValue input = schemas.inputSchema();
        JsonValue output = schemas.inputSchema();
        Surface before = surface("1.0.0", "Searches files.", input, output);
        Surface after = surface(
                "1.0.1",
                "Searches the files of a project quickly.",
                redescribe(input, random),
                redescribe(output, random));

        CompatReport report = new CompatAnalyzer().analyze(before, after, Policy.DEFAULT);

        assertThat(report.changes()).as(JsonWriter.compact(input)).allMatch(c -> c.level() == Level.NON_BREAKING);
    }

    @Property(tries = 400)
    void should_never_report_breaking_when_only_the_representation_changes(@ForAll long seed) {
        RandomSchemas schemas = new RandomSchemas(seed);
        Random random = schemas.random();
        JsonValue input = schemas.inputSchema();
        JsonValue output = schemas.inputSchema();
        JsonValue newInput = Rewrites.apply(input, random);
        JsonValue newOutput = Rewrites.apply(output, random);

        CompatReport report = new CompatAnalyzer()
                .analyze(
                        surface("1.0.0", "d", input, output),
                        surface("1.0.0", "d", newInput, newOutput),
                        Policy.DEFAULT);

        assertThat(report.changes())
                .as("%s%n→ %s", JsonWriter.compact(input), JsonWriter.compact(newInput))
                .allMatch(c -> c.level() == Level.NON_BREAKING);
        assertThat(report.requiredBump()).isIn(Bump.NONE, Bump.PATCH);
    }

    /** Changes, adds or removes title/description/examples at random nodes. */
    private static JsonValue redescribe(JsonValue value, Random random) {
        if (value instanceof JsonValue.JArray array) {
            return new JsonValue.JArray(
                    array.items().stream().map(v -> redescribe(v, random)).toList());
        }
        if (!(value instanceof JsonValue.JObject object)) {
            return value;
        }
        Map<String, JsonValue> members = new LinkedHashMap<>();
        object.members()
                .forEach((k, v) ->
                        members.put(k, k.equals("properties") ? redescribeMap(v, random) : redescribe(v, random)));
        switch (random.nextInt(4)) {
            case 0 -> members.put("description", JsonValue.of("new words " + random.nextInt(100)));
            case 1 -> members.remove("description");
            case 2 -> members.put("title", JsonValue.of("Title " + random.nextInt(10)));
            default -> members.put("examples", JsonValue.strings(List.of("e" + random.nextInt(5))));
        }
        return new JsonValue.JObject(members);
    }

    private static JsonValue redescribeMap(JsonValue value, Random random) {
        if (!(value instanceof JsonValue.JObject object)) {
            return value;
        }
        Map<String, JsonValue> members = new LinkedHashMap<>();
        object.members().forEach((k, v) -> members.put(k, redescribe(v, random)));
        return new JsonValue.JObject(members);
    }

    /** Meaning-preserving rewrites of raw JSON Schema. */
    static final class Rewrites {
        private final Random random;
        private final Map<String, JsonValue> defs = new LinkedHashMap<>();

        private Rewrites(Random random) {
            this.random = random;
        }

        static JsonValue apply(JsonValue root, Random random) {
            Rewrites rewrites = new Rewrites(random);
            JsonValue rewritten = rewrites.node(root, true);
            if (rewrites.defs.isEmpty() || !(rewritten instanceof JsonValue.JObject object)) {
                return rewritten;
            }
            Map<String, JsonValue> members = new LinkedHashMap<>(object.members());
            members.put("$defs", new JsonValue.JObject(rewrites.defs));
            return new JsonValue.JObject(members);
        }

        private JsonValue node(JsonValue value, boolean root) {
            if (!(value instanceof JsonValue.JObject object)) {
                return value;
            }
            Map<String, JsonValue> members = new LinkedHashMap<>();
            object.members().forEach((k, v) -> members.put(k, child(k, v)));
            JsonValue rewritten = local(members);
            if (!root && random.nextInt(8) == 0) {
                String name = "D" + defs.size();
                defs.put(name, rewritten);
                return new JsonValue.JObject(Map.of("$ref", JsonValue.of("#/$defs/" + name)));
            }
            if (!root && random.nextInt(10) == 0) {
                return new JsonValue.JObject(Map.of("allOf", new JsonValue.JArray(List.of(rewritten))));
            }
            return rewritten;
        }

        private JsonValue child(String keyword, JsonValue value) {
            switch (keyword) {
                case "properties", "patternProperties", "$defs", "dependentSchemas" -> {
                    if (value instanceof JsonValue.JObject object) {
                        Map<String, JsonValue> members = new LinkedHashMap<>();
                        object.members().forEach((k, v) -> members.put(k, node(v, false)));
                        return new JsonValue.JObject(members);
                    }
                    return value;
                }
                case "items", "additionalProperties", "not", "contains", "propertyNames" -> {
                    return node(value, false);
                }
                case "anyOf", "oneOf", "allOf", "prefixItems" -> {
                    if (value instanceof JsonValue.JArray array) {
                        return new JsonValue.JArray(
                                array.items().stream().map(v -> node(v, false)).toList());
                    }
                    return value;
                }
                default -> {
                    return value;
                }
            }
        }

        private JsonValue local(Map<String, JsonValue> members) {
            JsonValue type = members.get("type");
            boolean plain = !members.containsKey("enum")
                    && !members.containsKey("const")
                    && !members.containsKey("anyOf")
                    && !members.containsKey("oneOf")
                    && !members.containsKey("allOf")
                    && !members.containsKey("not");
            if (type instanceof JsonValue.JString name) {
                switch (random.nextInt(6)) {
                    case 0 -> members.put("type", JsonValue.strings(List.of(name.value())));
                    case 1 -> explicitDefaults(name.value(), members);
                    case 2 -> {
                        if (name.value().equals("integer")) {
                            members.putIfAbsent("maximum", new JsonValue.JNumber(new BigDecimal("9007199254740991")));
                        }
                    }
                    default -> {
                        // unchanged
                    }
                }
            }
            if (type instanceof JsonValue.JArray names
                    && names.items().contains(JsonValue.of("null"))
                    && plain
                    && names.items().size() == 2
                    && random.nextBoolean()) {
                JsonValue other = names.items().get(0).equals(JsonValue.of("null"))
                        ? names.items().get(1)
                        : names.items().get(0);
                Map<String, JsonValue> branch = new LinkedHashMap<>(members);
                branch.put("type", other);
                String description = null;
                if (branch.get("description") instanceof JsonValue.JString d) {
                    description = d.value();
                    branch.remove("description");
                }
                Map<String, JsonValue> wrapped = new LinkedHashMap<>();
                wrapped.put(
                        random.nextBoolean() ? "anyOf" : "oneOf",
                        new JsonValue.JArray(List.of(
                                new JsonValue.JObject(branch),
                                new JsonValue.JObject(Map.of("type", JsonValue.of("null"))))));
                if (description != null) {
                    wrapped.put("description", JsonValue.of(description));
                }
                return new JsonValue.JObject(wrapped);
            }
            if (members.get("enum") instanceof JsonValue.JArray values
                    && values.items().size() == 1
                    && random.nextBoolean()) {
                members.remove("enum");
                members.put("const", values.items().get(0));
            }
            return new JsonValue.JObject(members);
        }

        private void explicitDefaults(String type, Map<String, JsonValue> members) {
            switch (type) {
                case "object" -> {
                    members.putIfAbsent("required", JsonValue.JArray.EMPTY);
                    members.putIfAbsent("additionalProperties", JsonValue.TRUE);
                }
                case "string" -> members.putIfAbsent("minLength", JsonValue.of(0));
                case "array" -> {
                    members.putIfAbsent("minItems", JsonValue.of(0));
                    members.putIfAbsent("uniqueItems", JsonValue.FALSE);
                }
                default -> {
                    // nothing to make explicit
                }
            }
        }

        static List<JsonValue> list(JsonValue... values) {
            return new ArrayList<>(List.of(values));
        }
    }
}
