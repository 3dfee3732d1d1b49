package dev.mcpver.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.compat.json.JsonInterner;
import dev.mcpver.compat.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Jackson trees and the engine's {@link JsonValue} (numbers exactly, as BigDecimal). */
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonValues() {}

    public static JsonValue fromJackson(JsonNode node) {
        return fromJackson(node, new JsonInterner());
    }

    /** Converts with a shared interner (convert both releases with one; see {@link JsonInterner}). */
    public static JsonValue fromJackson(JsonNode node, JsonInterner interner) {
        JsonValue value = convert(node, interner);
        return value instanceof JsonValue.JObject || value instanceof JsonValue.JArray ? interner.intern(value) : value;
    }

    private static JsonValue convert(JsonNode node, JsonInterner interner) {
        if (node.isObject()) {
            LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                members.put(field.getKey(), fromJackson(field.getValue(), interner));
            }
            return JsonValue.JObject.ofOwned(members);
        }
        if (node.isArray()) {
            List<JsonValue> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(fromJackson(item, interner)));
            return JsonValue.JArray.ofOwned(items);
        }
        if (node.isTextual()) {
            return new JsonValue.JString(node.textValue());
        }
        if (node.isNumber()) {
            return new JsonValue.JNumber(node.decimalValue());
        }
        if (node.isBoolean()) {
            return JsonValue.of(node.booleanValue());
        }
        return JsonValue.NULL;
    }

    public static JsonNode toJackson(JsonValue value) {
        if (value instanceof JsonValue.JObject object) {
            ObjectNode node = NODES.objectNode();
            object.members().forEach((k, v) -> node.set(k, toJackson(v)));
            return node;
        }
        if (value instanceof JsonValue.JArray array) {
            ArrayNode node = NODES.arrayNode(array.items().size());
            array.items().forEach(item -> node.add(toJackson(item)));
            return node;
        }
        if (value instanceof JsonValue.JString string) {
            return NODES.textNode(string.value());
        }
        if (value instanceof JsonValue.JNumber number) {
            return number.isIntegral()
                            && number.value().precision() - number.value().scale() <= 18
                    ? NODES.numberNode(number.value().longValueExact())
                    : NODES.numberNode(number.value());
        }
        if (value instanceof JsonValue.JBool bool) {
            return NODES.booleanNode(bool.value());
        }
        return NODES.nullNode();
    }
}
