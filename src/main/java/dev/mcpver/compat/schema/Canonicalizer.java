package dev.mcpver.compat.schema;

import dev.mcpver.compat.json.JsonPointer;
import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.json.JsonWriter;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns a raw JSON Schema into a {@link CanonicalSchema}. Local references ({@code #}, {@code #/$defs/…},
 * {@code #/definitions/…}, any JSON pointer) are inlined, cycles become {@link SchemaNode.Recursive}; external and
 * dynamic references become {@link SchemaNode.Unknown}. Malformed keywords make their node unknown and are listed as
 * problems. Not thread-safe per instance; {@link #canonicalize} creates one per call.
 */
public final class Canonicalizer {
    private static final int MAX_DEPTH = 128;
    private static final Set<String> NON_ASSERTIONS = Set.of(
            "$schema",
            "$id",
            "id",
            "$comment",
            "$defs",
            "definitions",
            "$anchor",
            "$vocabulary",
            "title",
            "description",
            "default",
            "examples",
            "example",
            "deprecated",
            "readOnly",
            "writeOnly",
            "contentMediaType",
            "contentEncoding",
            "contentSchema",
            "$dynamicAnchor",
            "$recursiveAnchor");

    private final JsonValue root;
    private final Dialect dialect;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, SchemaNode> resolved = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private boolean usesRefs;
    private int depth;

    private Canonicalizer(JsonValue root, Dialect dialect) {
        this.root = root;
        this.dialect = dialect;
    }

    public static CanonicalSchema canonicalize(JsonValue raw) {
        String dialectUri = raw instanceof JsonValue.JObject object
                ? object.get("$schema")
                        .filter(JsonValue.JString.class::isInstance)
                        .map(v -> ((JsonValue.JString) v).value())
                        .orElse(null)
                : null;
        Canonicalizer canonicalizer = new Canonicalizer(raw, Dialect.of(dialectUri));
        SchemaNode node = canonicalizer.build(raw, "");
        return new CanonicalSchema(node, dialectUri, canonicalizer.problems, canonicalizer.usesRefs);
    }

    private SchemaNode build(JsonValue raw, String path) {
        if (raw instanceof JsonValue.JBool bool) {
            return bool.value() ? SchemaNode.Shape.ANY : SchemaNode.Never.INSTANCE;
        }
        if (!(raw instanceof JsonValue.JObject object)) {
            problems.add(at(path) + "a schema must be an object or a boolean, not " + raw.typeName());
            return new SchemaNode.Unknown("not a schema", raw);
        }
        if (++depth > MAX_DEPTH) {
            depth--;
            return new SchemaNode.Unknown("nested deeper than " + MAX_DEPTH, raw);
        }
        try {
            return buildObject(object, path);
        } finally {
            depth--;
        }
    }

    private SchemaNode buildObject(JsonValue.JObject object, String path) {
        if (object.has("$dynamicRef") || object.has("$recursiveRef")) {
            return new SchemaNode.Unknown("dynamic references are not modelled", object);
        }
        Optional<JsonValue> ref = object.get("$ref");
        if (ref.isEmpty()) {
            return new ShapeReader(object, path).read();
        }
        if (!(ref.get() instanceof JsonValue.JString refText)) {
            problems.add(at(JsonPointer.append(path, "$ref")) + "$ref must be a string");
            return new SchemaNode.Unknown("invalid $ref", object);
        }
        SchemaNode target = resolve(refText.value(), path);
        JsonValue.JObject siblings = without(object, "$ref");
        boolean assertions = siblings.members().keySet().stream().anyMatch(k -> !NON_ASSERTIONS.contains(k));
        SchemaNode.Annotations outer = new ShapeReader(siblings, path).annotations();
        if (!assertions || dialect.refOverridesSiblings()) {
            return annotate(
                    target, outer.orElse(SchemaNode.annotationsOf(target)).withViaRef(refText.value()));
        }
        SchemaNode local = new ShapeReader(siblings, path).read();
        SchemaNode merged = ShapeMerge.merge(local, target)
                .orElseGet(() -> local instanceof SchemaNode.Shape shape
                        ? Normalizer.normalize(shape.withComposition(new SchemaNode.Composition(
                                List.of(target),
                                shape.composition().anyOf(),
                                shape.composition().oneOf(),
                                shape.composition().not(),
                                shape.composition().conditional())))
                        : local);
        return merged instanceof SchemaNode.Shape shape ? Normalizer.normalize(shape) : merged;
    }

    private static SchemaNode annotate(SchemaNode node, SchemaNode.Annotations annotations) {
        if (node instanceof SchemaNode.Shape shape) {
            return shape.withAnnotations(annotations);
        }
        return node instanceof SchemaNode.Never ? new SchemaNode.Never(annotations) : node;
    }

    private SchemaNode resolve(String ref, String path) {
        usesRefs = true;
        if (!ref.startsWith("#") || (ref.length() > 1 && ref.charAt(1) != '/')) {
            return new SchemaNode.Unknown("reference " + ref + " is not a local JSON pointer", JsonValue.of(ref));
        }
        String pointer = URLDecoder.decode(ref.substring(1), StandardCharsets.UTF_8);
        Optional<JsonValue> target = navigate(pointer);
        if (target.isEmpty()) {
            problems.add(at(path) + "$ref " + ref + " does not resolve");
            return new SchemaNode.Unknown("unresolvable reference " + ref, JsonValue.of(ref));
        }
        if (inProgress.contains(pointer)) {
            return new SchemaNode.Recursive(ref, JsonWriter.canonical(withoutAnnotations(target.get())));
        }
        SchemaNode cached = resolved.get(pointer);
        if (cached != null) {
            return cached;
        }
        inProgress.add(pointer);
        SchemaNode node = build(target.get(), pointer);
        inProgress.remove(pointer);
        if (!containsRecursion(node)) {
            resolved.put(pointer, node);
        }
        return node;
    }

    private static final Set<String> ANNOTATIONS =
            Set.of("title", "description", "examples", "example", "$comment", "default", "deprecated");

    /** The raw schema without annotations: a recursive definition reworded is still the same definition. */
    private static JsonValue withoutAnnotations(JsonValue value) {
        if (value instanceof JsonValue.JObject object) {
            Map<String, JsonValue> members = new java.util.TreeMap<>();
            object.members().forEach((k, v) -> {
                if (!ANNOTATIONS.contains(k)) {
                    members.put(k, withoutAnnotations(v));
                }
            });
            return new JsonValue.JObject(members);
        }
        if (value instanceof JsonValue.JArray array) {
            return new JsonValue.JArray(array.items().stream()
                    .map(Canonicalizer::withoutAnnotations)
                    .toList());
        }
        return value;
    }

    private static boolean containsRecursion(SchemaNode node) {
        return node instanceof SchemaNode.Recursive;
    }

    private Optional<JsonValue> navigate(String pointer) {
        JsonValue current = root;
        if (pointer.isEmpty()) {
            return Optional.of(current);
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = JsonPointer.unescape(raw);
            if (current instanceof JsonValue.JObject object && object.has(token)) {
                current = object.members().get(token);
            } else if (current instanceof JsonValue.JArray array
                    && token.matches("\\d{1,9}")
                    && Integer.parseInt(token) < array.items().size()) {
                current = array.items().get(Integer.parseInt(token));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }

    private static JsonValue.JObject without(JsonValue.JObject object, String key) {
        Map<String, JsonValue> members = new java.util.LinkedHashMap<>(object.members());
        members.remove(key);
        return new JsonValue.JObject(members);
    }

    private static String at(String path) {
        return (path.isEmpty() ? "/" : path) + ": ";
    }

    private static final int ENUM = 1;
    private static final int NUMERIC = 2;
    private static final int STRING = 4;
    private static final int ARRAY = 8;
    private static final int OBJECT = 16;
    private static final int COMPOSITION = 32;
    private static final int ANNOTATION = 64;
    private static final Map<String, Integer> GROUPS = groupsByKeyword();

    private static Map<String, Integer> groupsByKeyword() {
        Map<String, Integer> groups = new HashMap<>();
        List.of("enum", "const").forEach(k -> groups.put(k, ENUM));
        List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
                .forEach(k -> groups.put(k, NUMERIC));
        List.of("minLength", "maxLength", "pattern", "format").forEach(k -> groups.put(k, STRING));
        List.of(
                        "items",
                        "additionalItems",
                        "prefixItems",
                        "minItems",
                        "maxItems",
                        "uniqueItems",
                        "contains",
                        "minContains",
                        "maxContains")
                .forEach(k -> groups.put(k, ARRAY));
        List.of(
                        "properties",
                        "required",
                        "additionalProperties",
                        "patternProperties",
                        "propertyNames",
                        "minProperties",
                        "maxProperties",
                        "dependentRequired",
                        "dependentSchemas",
                        "dependencies",
                        "unevaluatedProperties")
                .forEach(k -> groups.put(k, OBJECT));
        List.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else").forEach(k -> groups.put(k, COMPOSITION));
        List.of("title", "description", "default", "examples", "example", "deprecated", "$schema")
                .forEach(k -> groups.put(k, ANNOTATION));
        return Map.copyOf(groups);
    }

    /** Which keyword groups a schema object uses: one lookup per member instead of one per known keyword. */
    private static int groups(JsonValue.JObject object) {
        int groups = 0;
        for (String key : object.members().keySet()) {
            groups |= GROUPS.getOrDefault(key, 0);
        }
        return groups;
    }

    /** Reads the keywords of one schema object. */
    private final class ShapeReader {
        private final JsonValue.JObject object;
        private final String path;
        private boolean broken;

        ShapeReader(JsonValue.JObject object, String path) {
            this.object = object;
            this.path = path;
        }

        SchemaNode read() {
            int groups = groups(object);
            TypeInfo types = types();
            List<JsonValue> enumValues = (groups & ENUM) == 0 ? null : enumValues();
            boolean enumNull = enumValues != null && enumValues.contains(JsonValue.NULL);
            boolean nullable = enumValues != null ? enumNull && types.allowsNull() : types.allowsNull();
            SchemaNode.Shape shape = new SchemaNode.Shape(
                    types.types(),
                    nullable,
                    enumValues == null ? null : sorted(enumValues),
                    (groups & NUMERIC) == 0 ? SchemaNode.Numeric.NONE : numeric(),
                    (groups & STRING) == 0 ? SchemaNode.Strings.NONE : strings(),
                    (groups & ARRAY) == 0 ? SchemaNode.Arrays.NONE : arrays(),
                    (groups & OBJECT) == 0 ? SchemaNode.Objects.NONE : objects(),
                    (groups & COMPOSITION) == 0 ? SchemaNode.Composition.NONE : composition(),
                    (groups & ANNOTATION) == 0 ? SchemaNode.Annotations.NONE : annotations());
            if (broken) {
                return new SchemaNode.Unknown("malformed keywords", object);
            }
            return Normalizer.normalize(shape);
        }

        private record TypeInfo(Set<JsonType> types, boolean allowsNull) {}

        private TypeInfo types() {
            boolean nullableKeyword =
                    object.get("nullable").map(JsonValue.TRUE::equals).orElse(false);
            Optional<JsonValue> type = object.get("type");
            if (type.isEmpty()) {
                return new TypeInfo(JsonType.ALL, true);
            }
            List<String> names = stringOrStrings(type.get(), "type");
            Set<JsonType> types = java.util.EnumSet.noneOf(JsonType.class);
            boolean allowsNull = nullableKeyword;
            for (String name : names) {
                if (name.equals("null")) {
                    allowsNull = true;
                } else {
                    Optional<JsonType> known = JsonType.fromWire(name);
                    if (known.isPresent()) {
                        types.add(known.get());
                    } else {
                        problem("type", "unknown type '" + name + "'");
                    }
                }
            }
            return new TypeInfo(types, allowsNull);
        }

        private @Nullable List<JsonValue> enumValues() {
            List<JsonValue> values = null;
            Optional<JsonValue> enumRaw = object.get("enum");
            if (enumRaw.isPresent()) {
                if (enumRaw.get() instanceof JsonValue.JArray array) {
                    values = new ArrayList<>(new LinkedHashSet<>(array.items()));
                } else {
                    problem("enum", "enum must be an array");
                }
            }
            Optional<JsonValue> constant = object.get("const");
            if (constant.isPresent()) {
                List<JsonValue> one = List.of(constant.get());
                values = values == null
                        ? new ArrayList<>(one)
                        : new ArrayList<>(values.stream().filter(one::contains).toList());
            }
            return values;
        }

        private List<JsonValue> sorted(List<JsonValue> values) {
            TreeMap<String, JsonValue> byText = new TreeMap<>();
            for (JsonValue value : values) {
                if (!(value instanceof JsonValue.JNull)) {
                    byText.put(JsonWriter.canonical(value), value);
                }
            }
            return List.copyOf(byText.values());
        }

        private SchemaNode.Numeric numeric() {
            SchemaNode.Bound lower = bound("minimum", "exclusiveMinimum");
            SchemaNode.Bound upper = bound("maximum", "exclusiveMaximum");
            BigDecimal multipleOf = number("multipleOf");
            if (multipleOf != null && multipleOf.signum() <= 0) {
                problem("multipleOf", "multipleOf must be greater than 0");
            }
            return new SchemaNode.Numeric(lower, upper, multipleOf);
        }

        private SchemaNode.@Nullable Bound bound(String inclusive, String exclusive) {
            BigDecimal plain = number(inclusive);
            Optional<JsonValue> ex = object.get(exclusive);
            if (ex.isPresent() && ex.get() instanceof JsonValue.JBool flag) {
                // draft-04: a boolean that makes minimum/maximum exclusive
                return plain == null ? null : new SchemaNode.Bound(plain, flag.value());
            }
            BigDecimal exclusiveValue = number(exclusive);
            SchemaNode.Bound a = plain == null ? null : new SchemaNode.Bound(plain, false);
            SchemaNode.Bound b = exclusiveValue == null ? null : new SchemaNode.Bound(exclusiveValue, true);
            return ShapeMerge.tighter(a, b, inclusive.equals("minimum") ? 1 : -1);
        }

        private SchemaNode.Strings strings() {
            return new SchemaNode.Strings(
                    positive(count("minLength")), count("maxLength"), string("pattern"), string("format"));
        }

        private SchemaNode.Arrays arrays() {
            List<SchemaNode> prefix = new ArrayList<>();
            SchemaNode items = null;
            Optional<JsonValue> itemsRaw = object.get("items");
            if (itemsRaw.isPresent() && itemsRaw.get() instanceof JsonValue.JArray tuple) {
                for (int i = 0; i < tuple.items().size(); i++) {
                    prefix.add(child(tuple.items().get(i), JsonPointer.append(JsonPointer.append(path, "items"), i)));
                }
                items = anyAsNull(schema("additionalItems"));
            } else {
                prefix.addAll(schemas("prefixItems"));
                items = anyAsNull(schema("items"));
            }
            Long minContains = count("minContains");
            boolean unique =
                    object.get("uniqueItems").map(JsonValue.TRUE::equals).orElse(false);
            return new SchemaNode.Arrays(
                    items,
                    prefix,
                    positive(count("minItems")),
                    count("maxItems"),
                    unique,
                    schema("contains"),
                    minContains != null && minContains == 1 ? null : minContains,
                    count("maxContains"));
        }

        private SchemaNode.Objects objects() {
            TreeMap<String, SchemaNode> dependentSchemas = schemaMap("dependentSchemas");
            TreeMap<String, SortedSet<String>> dependentRequired = dependentRequired("dependentRequired");
            legacyDependencies(dependentSchemas, dependentRequired);
            return new SchemaNode.Objects(
                    schemaMap("properties"),
                    new TreeSet<>(strings("required")),
                    anyAsNull(schema("additionalProperties")),
                    schemaMap("patternProperties"),
                    anyAsNull(schema("propertyNames")),
                    positive(count("minProperties")),
                    count("maxProperties"),
                    dependentRequired,
                    dependentSchemas,
                    anyAsNull(schema("unevaluatedProperties")));
        }

        /** draft-07 {@code dependencies}: arrays are dependentRequired, schemas dependentSchemas. */
        private void legacyDependencies(
                TreeMap<String, SchemaNode> schemas, TreeMap<String, SortedSet<String>> required) {
            Optional<JsonValue> raw = object.get("dependencies");
            if (raw.isEmpty() || !(raw.get() instanceof JsonValue.JObject deps)) {
                return;
            }
            for (Map.Entry<String, JsonValue> entry : deps.members().entrySet()) {
                String at = JsonPointer.append(JsonPointer.append(path, "dependencies"), entry.getKey());
                if (entry.getValue() instanceof JsonValue.JArray names) {
                    required.put(
                            entry.getKey(),
                            new TreeSet<>(names.items().stream()
                                    .filter(JsonValue.JString.class::isInstance)
                                    .map(v -> ((JsonValue.JString) v).value())
                                    .toList()));
                } else {
                    schemas.put(entry.getKey(), child(entry.getValue(), at));
                }
            }
        }

        private SchemaNode.Composition composition() {
            SchemaNode.Conditional conditional = null;
            SchemaNode condition = schema("if");
            if (condition != null) {
                conditional = new SchemaNode.Conditional(condition, schema("then"), schema("else"));
            }
            return new SchemaNode.Composition(
                    schemas("allOf"), schemas("anyOf"), schemas("oneOf"), schema("not"), conditional);
        }

        SchemaNode.Annotations annotations() {
            JsonValue examples =
                    object.get("examples").orElse(object.get("example").orElse(null));
            return new SchemaNode.Annotations(
                    plainString("title"),
                    plainString("description"),
                    object.get("default").orElse(null),
                    examples,
                    object.get("deprecated").map(JsonValue.TRUE::equals).orElse(false),
                    false,
                    path.isEmpty() ? plainString("$schema") : null,
                    null);
        }

        private @Nullable SchemaNode schema(String keyword) {
            Optional<JsonValue> raw = object.get(keyword);
            return raw.map(value -> child(value, JsonPointer.append(path, keyword)))
                    .orElse(null);
        }

        private List<SchemaNode> schemas(String keyword) {
            Optional<JsonValue> raw = object.get(keyword);
            if (raw.isEmpty()) {
                return List.of();
            }
            if (!(raw.get() instanceof JsonValue.JArray array)) {
                problem(keyword, keyword + " must be an array of schemas");
                return List.of();
            }
            List<SchemaNode> nodes = new ArrayList<>();
            for (int i = 0; i < array.items().size(); i++) {
                nodes.add(child(array.items().get(i), JsonPointer.append(JsonPointer.append(path, keyword), i)));
            }
            return nodes;
        }

        private TreeMap<String, SchemaNode> schemaMap(String keyword) {
            TreeMap<String, SchemaNode> map = new TreeMap<>();
            Optional<JsonValue> raw = object.get(keyword);
            if (raw.isEmpty()) {
                return map;
            }
            if (!(raw.get() instanceof JsonValue.JObject members)) {
                problem(keyword, keyword + " must be an object");
                return map;
            }
            for (Map.Entry<String, JsonValue> entry : members.members().entrySet()) {
                String at = JsonPointer.append(JsonPointer.append(path, keyword), entry.getKey());
                map.put(entry.getKey(), child(entry.getValue(), at));
            }
            return map;
        }

        private TreeMap<String, SortedSet<String>> dependentRequired(String keyword) {
            TreeMap<String, SortedSet<String>> map = new TreeMap<>();
            Optional<JsonValue> raw = object.get(keyword);
            if (raw.isPresent() && raw.get() instanceof JsonValue.JObject members) {
                for (Map.Entry<String, JsonValue> entry : members.members().entrySet()) {
                    map.put(entry.getKey(), new TreeSet<>(stringList(entry.getValue(), keyword)));
                }
            } else if (raw.isPresent()) {
                problem(keyword, keyword + " must be an object");
            }
            return map;
        }

        private SchemaNode child(JsonValue raw, String at) {
            return build(raw, at);
        }

        private @Nullable SchemaNode anyAsNull(@Nullable SchemaNode node) {
            return Normalizer.isAny(node) ? null : node;
        }

        private @Nullable BigDecimal number(String keyword) {
            Optional<JsonValue> raw = object.get(keyword);
            if (raw.isEmpty()) {
                return null;
            }
            if (raw.get() instanceof JsonValue.JNumber number) {
                return number.value();
            }
            problem(keyword, keyword + " must be a number");
            return null;
        }

        private @Nullable Long count(String keyword) {
            BigDecimal value = number(keyword);
            if (value == null) {
                return null;
            }
            if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
                problem(keyword, keyword + " must be a non-negative integer");
                return null;
            }
            return value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : value.longValue();
        }

        private @Nullable Long positive(@Nullable Long value) {
            return value == null || value == 0 ? null : value;
        }

        private @Nullable String string(String keyword) {
            Optional<JsonValue> raw = object.get(keyword);
            if (raw.isEmpty()) {
                return null;
            }
            if (raw.get() instanceof JsonValue.JString text) {
                return text.value();
            }
            problem(keyword, keyword + " must be a string");
            return null;
        }

        /** Annotation strings of the wrong type are ignored rather than reported: they never affect validity. */
        private @Nullable String plainString(String keyword) {
            return object.get(keyword)
                    .filter(JsonValue.JString.class::isInstance)
                    .map(v -> ((JsonValue.JString) v).value())
                    .orElse(null);
        }

        private List<String> strings(String keyword) {
            return object.get(keyword).map(v -> stringList(v, keyword)).orElse(List.of());
        }

        private List<String> stringList(JsonValue value, String keyword) {
            if (value instanceof JsonValue.JArray array
                    && array.items().stream().allMatch(JsonValue.JString.class::isInstance)) {
                return array.items().stream()
                        .map(v -> ((JsonValue.JString) v).value())
                        .toList();
            }
            problem(keyword, keyword + " must be an array of strings");
            return List.of();
        }

        private List<String> stringOrStrings(JsonValue value, String keyword) {
            if (value instanceof JsonValue.JString text) {
                return List.of(text.value());
            }
            return stringList(value, keyword);
        }

        private void problem(String keyword, String message) {
            broken = true;
            problems.add(at(JsonPointer.append(path, keyword)) + message);
        }
    }
}
