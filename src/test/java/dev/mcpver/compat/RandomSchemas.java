package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded generators of JSON Schemas, JSON values and schema mutations for property tests. */
final class RandomSchemas {
    private static final String[] NAMES = {"a", "b", "c", "d"};
    private static final String[] TYPES = {"string", "number", "integer", "boolean", "object", "array", "null"};
    private static final String[] PATTERNS = {"^a", "^[a-z]+$", "x", "^\\d+$"};
    private static final String[] STRINGS = {"", "a", "abc", "x-1", "hello", "123", "b"};
    private static final String[] FORMATS = {"uri", "date", "email"};

    private final Random random;

    RandomSchemas(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A tool input schema: an object schema at the root. */
    JsonValue.JObject inputSchema() {
        Map<String, JsonValue> root = new LinkedHashMap<>();
        root.put("type", JsonValue.of("object"));
        root.put("properties", properties(2));
        if (random.nextBoolean()) {
            root.put("required", required());
        }
        if (random.nextInt(4) == 0) {
            root.put("additionalProperties", JsonValue.FALSE);
        }
        return new JsonValue.JObject(root);
    }

    JsonValue schema(int depth) {
        if (depth <= 0 || random.nextInt(6) == 0) {
            return leaf();
        }
        return switch (random.nextInt(7)) {
            case 0 -> object(depth);
            case 1 -> array(depth);
            case 2 -> composition("anyOf", depth);
            case 3 -> composition("oneOf", depth);
            case 4 -> composition("allOf", depth);
            case 5 -> withNot(depth);
            default -> leaf();
        };
    }

    private JsonValue leaf() {
        Map<String, JsonValue> schema = new LinkedHashMap<>();
        String type = TYPES[random.nextInt(TYPES.length)];
        schema.put("type", random.nextInt(5) == 0 ? JsonValue.strings(List.of(type, "null")) : JsonValue.of(type));
        switch (type) {
            case "string" -> {
                maybe(schema, "minLength", JsonValue.of(random.nextInt(4)));
                maybe(schema, "maxLength", JsonValue.of(2 + random.nextInt(6)));
                maybe(schema, "pattern", JsonValue.of(PATTERNS[random.nextInt(PATTERNS.length)]));
                maybe(schema, "format", JsonValue.of(FORMATS[random.nextInt(FORMATS.length)]));
                if (random.nextInt(4) == 0) {
                    schema.put("enum", JsonValue.strings(List.of(STRINGS[random.nextInt(STRINGS.length)], "a")));
                }
            }
            case "number", "integer" -> {
                maybe(schema, "minimum", JsonValue.of(random.nextInt(5) - 2));
                maybe(schema, "maximum", JsonValue.of(3 + random.nextInt(5)));
                maybe(schema, "exclusiveMinimum", JsonValue.of(random.nextInt(3) - 1));
                maybe(schema, "multipleOf", JsonValue.of(1 + random.nextInt(3)));
            }
            default -> {
                // no keywords
            }
        }
        maybe(schema, "description", JsonValue.of("d" + random.nextInt(3)));
        return new JsonValue.JObject(schema);
    }

    private JsonValue object(int depth) {
        Map<String, JsonValue> schema = new LinkedHashMap<>();
        schema.put("type", JsonValue.of("object"));
        schema.put("properties", properties(depth - 1));
        if (random.nextBoolean()) {
            schema.put("required", required());
        }
        if (random.nextInt(3) == 0) {
            schema.put("additionalProperties", random.nextBoolean() ? JsonValue.FALSE : schema(depth - 1));
        }
        return new JsonValue.JObject(schema);
    }

    private JsonValue array(int depth) {
        Map<String, JsonValue> schema = new LinkedHashMap<>();
        schema.put("type", JsonValue.of("array"));
        schema.put("items", schema(depth - 1));
        maybe(schema, "minItems", JsonValue.of(random.nextInt(3)));
        maybe(schema, "maxItems", JsonValue.of(2 + random.nextInt(3)));
        maybe(schema, "uniqueItems", JsonValue.TRUE);
        return new JsonValue.JObject(schema);
    }

    private JsonValue composition(String keyword, int depth) {
        List<JsonValue> branches = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            branches.add(schema(depth - 1));
        }
        return new JsonValue.JObject(Map.of(keyword, new JsonValue.JArray(branches)));
    }

    private JsonValue withNot(int depth) {
        Map<String, JsonValue> schema = new LinkedHashMap<>(((JsonValue.JObject) leaf()).members());
        schema.put("not", schema(depth - 1));
        return new JsonValue.JObject(schema);
    }

    private JsonValue properties(int depth) {
        Map<String, JsonValue> properties = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (random.nextInt(3) > 0) {
                properties.put(name, schema(depth));
            }
        }
        return new JsonValue.JObject(properties);
    }

    private JsonValue required() {
        List<String> names = new ArrayList<>();
        for (String name : NAMES) {
            if (random.nextInt(3) == 0) {
                names.add(name);
            }
        }
        return JsonValue.strings(names);
    }

    private void maybe(Map<String, JsonValue> schema, String keyword, JsonValue value) {
        if (random.nextInt(3) == 0) {
            schema.put(keyword, value);
        }
    }

    /** A random JSON value drawn from a small domain, so that schemas and values meet often. */
    JsonValue value(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> JsonValue.NULL;
            case 1 -> JsonValue.of(random.nextBoolean());
            case 2 -> JsonValue.of(random.nextInt(11) - 3);
            case 3 -> new JsonValue.JNumber(BigDecimal.valueOf(random.nextInt(40) - 10, 1));
            case 4 -> JsonValue.of(STRINGS[random.nextInt(STRINGS.length)]);
            case 5 -> {
                List<JsonValue> items = new ArrayList<>();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    items.add(value(depth - 1));
                }
                yield new JsonValue.JArray(items);
            }
            default -> {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (String name : NAMES) {
                    if (random.nextInt(2) == 0) {
                        members.put(name, value(depth - 1));
                    }
                }
                yield new JsonValue.JObject(members);
            }
        };
    }

    /** One random edit somewhere in the tree: replace, drop or add a member, or wrap a subschema. */
    JsonValue mutate(JsonValue schema) {
        List<String> paths = new ArrayList<>();
        collect(schema, "", paths);
        String path = paths.get(random.nextInt(paths.size()));
        return edit(
                schema, path.isEmpty() ? List.of() : List.of(path.substring(1).split("/", -1)));
    }

    private void collect(JsonValue value, String path, List<String> paths) {
        if (value instanceof JsonValue.JObject object) {
            paths.add(path);
            object.members().forEach((k, v) -> collect(v, path + "/" + k, paths));
        } else if (value instanceof JsonValue.JArray array) {
            for (int i = 0; i < array.items().size(); i++) {
                collect(array.items().get(i), path + "/" + i, paths);
            }
        }
    }

    private JsonValue edit(JsonValue value, List<String> path) {
        if (path.isEmpty()) {
            return editHere((JsonValue.JObject) value);
        }
        String head = path.get(0);
        List<String> rest = path.subList(1, path.size());
        if (value instanceof JsonValue.JObject object) {
            Map<String, JsonValue> members = new LinkedHashMap<>(object.members());
            members.put(head, edit(members.get(head), rest));
            return new JsonValue.JObject(members);
        }
        JsonValue.JArray array = (JsonValue.JArray) value;
        List<JsonValue> items = new ArrayList<>(array.items());
        int index = Integer.parseInt(head);
        items.set(index, edit(items.get(index), rest));
        return new JsonValue.JArray(items);
    }

    private JsonValue editHere(JsonValue.JObject object) {
        Map<String, JsonValue> members = new LinkedHashMap<>(object.members());
        List<String> keys = new ArrayList<>(members.keySet());
        switch (random.nextInt(6)) {
            case 0 -> {
                if (!keys.isEmpty()) {
                    members.remove(keys.get(random.nextInt(keys.size())));
                }
            }
            case 1 -> members.put("type", JsonValue.of(TYPES[random.nextInt(TYPES.length)]));
            case 2 -> members.put("required", required());
            case 3 -> members.put("additionalProperties", JsonValue.of(random.nextBoolean()));
            case 4 -> {
                return new JsonValue.JObject(Map.of("anyOf", new JsonValue.JArray(List.of(object, schema(1)))));
            }
            default -> {
                JsonValue.JObject leaf = (JsonValue.JObject) leaf();
                leaf.members().forEach((k, v) -> {
                    if (!k.equals("type") || random.nextBoolean()) {
                        members.put(k, v);
                    }
                });
            }
        }
        return new JsonValue.JObject(members);
    }
}
