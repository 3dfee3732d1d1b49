package dev.mcpver.compat.schema;

import dev.mcpver.compat.json.JsonObjectBuilder;
import dev.mcpver.compat.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders a canonical schema back to JSON (for before/after values in reports); annotations are left out. */
public final class SchemaJson {
    private SchemaJson() {}

    public static JsonValue render(@Nullable SchemaNode node) {
        if (node == null) {
            return JsonValue.TRUE;
        }
        if (node instanceof SchemaNode.Never) {
            return JsonValue.FALSE;
        }
        if (node instanceof SchemaNode.Unknown unknown) {
            return unknown.raw();
        }
        if (node instanceof SchemaNode.Recursive recursive) {
            return JsonObjectBuilder.object().put("$ref", recursive.ref()).build();
        }
        return shape((SchemaNode.Shape) node);
    }

    /** {@code ["string", "null"]} style list of a shape's types. */
    public static JsonValue types(SchemaNode.Shape shape) {
        List<String> names = new ArrayList<>();
        shape.types().forEach(type -> names.add(type.wireName()));
        if (shape.nullable()) {
            names.add("null");
        }
        return names.size() == 1 ? JsonValue.of(names.get(0)) : JsonValue.strings(names);
    }

    private static JsonValue shape(SchemaNode.Shape s) {
        if (s.unconstrained()) {
            return JsonValue.TRUE;
        }
        JsonObjectBuilder out = JsonObjectBuilder.object();
        if (!(s.types().equals(JsonType.ALL) && s.nullable()) && s.enumValues() == null) {
            out.put("type", types(s));
        }
        if (s.enumValues() != null) {
            List<JsonValue> values = new ArrayList<>(s.enumValues());
            if (s.nullable()) {
                values.add(JsonValue.NULL);
            }
            out.put("enum", new JsonValue.JArray(values));
        }
        numeric(s.numeric(), out);
        strings(s.strings(), out);
        arrays(s.arrays(), out);
        objects(s.objects(), out);
        composition(s.composition(), out);
        return out.build();
    }

    private static void numeric(SchemaNode.Numeric n, JsonObjectBuilder out) {
        if (n.lower() != null) {
            out.put(
                    n.lower().exclusive() ? "exclusiveMinimum" : "minimum",
                    number(n.lower().value()));
        }
        if (n.upper() != null) {
            out.put(
                    n.upper().exclusive() ? "exclusiveMaximum" : "maximum",
                    number(n.upper().value()));
        }
        if (n.multipleOf() != null) {
            out.put("multipleOf", number(n.multipleOf()));
        }
    }

    static JsonValue number(BigDecimal value) {
        return new JsonValue.JNumber(value);
    }

    private static void strings(SchemaNode.Strings s, JsonObjectBuilder out) {
        count("minLength", s.minLength(), out);
        count("maxLength", s.maxLength(), out);
        out.putIfPresent("pattern", s.pattern());
        out.putIfPresent("format", s.format());
    }

    private static void arrays(SchemaNode.Arrays a, JsonObjectBuilder out) {
        if (!a.prefixItems().isEmpty()) {
            out.put(
                    "prefixItems",
                    new JsonValue.JArray(
                            a.prefixItems().stream().map(SchemaJson::render).toList()));
        }
        if (a.items() != null) {
            out.put("items", render(a.items()));
        }
        count("minItems", a.minItems(), out);
        count("maxItems", a.maxItems(), out);
        if (a.uniqueItems()) {
            out.put("uniqueItems", true);
        }
        if (a.contains() != null) {
            out.put("contains", render(a.contains()));
        }
        count("minContains", a.minContains(), out);
        count("maxContains", a.maxContains(), out);
    }

    private static void objects(SchemaNode.Objects o, JsonObjectBuilder out) {
        if (!o.properties().isEmpty()) {
            out.put("properties", map(o.properties()));
        }
        if (!o.required().isEmpty()) {
            out.putStrings("required", List.copyOf(o.required()));
        }
        if (o.additional() != null) {
            out.put("additionalProperties", render(o.additional()));
        }
        if (!o.patternProperties().isEmpty()) {
            out.put("patternProperties", map(o.patternProperties()));
        }
        if (o.propertyNames() != null) {
            out.put("propertyNames", render(o.propertyNames()));
        }
        count("minProperties", o.minProperties(), out);
        count("maxProperties", o.maxProperties(), out);
        if (!o.dependentRequired().isEmpty()) {
            JsonObjectBuilder deps = JsonObjectBuilder.object();
            o.dependentRequired().forEach((k, v) -> deps.putStrings(k, List.copyOf(v)));
            out.put("dependentRequired", deps.build());
        }
        if (!o.dependentSchemas().isEmpty()) {
            out.put("dependentSchemas", map(o.dependentSchemas()));
        }
        if (o.unevaluatedProperties() != null) {
            out.put("unevaluatedProperties", render(o.unevaluatedProperties()));
        }
    }

    private static void composition(SchemaNode.Composition c, JsonObjectBuilder out) {
        list("allOf", c.allOf(), out);
        list("anyOf", c.anyOf(), out);
        list("oneOf", c.oneOf(), out);
        if (c.not() != null) {
            out.put("not", render(c.not()));
        }
        if (c.conditional() != null) {
            out.put("if", render(c.conditional().condition()));
            out.putIfPresent(
                    "then",
                    c.conditional().then() == null
                            ? null
                            : render(c.conditional().then()));
            out.putIfPresent(
                    "else",
                    c.conditional().otherwise() == null
                            ? null
                            : render(c.conditional().otherwise()));
        }
    }

    private static void list(String name, List<SchemaNode> nodes, JsonObjectBuilder out) {
        if (!nodes.isEmpty()) {
            out.put(
                    name,
                    new JsonValue.JArray(nodes.stream().map(SchemaJson::render).toList()));
        }
    }

    private static JsonValue map(Map<String, SchemaNode> nodes) {
        JsonObjectBuilder map = JsonObjectBuilder.object();
        nodes.forEach((k, v) -> map.put(k, render(v)));
        return map.build();
    }

    private static void count(String name, @Nullable Long value, JsonObjectBuilder out) {
        if (value != null) {
            out.put(name, value);
        }
    }
}
