package dev.mcpver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;

/** Query strings carry text; tools take typed JSON. Converts by the property's declared schema type. */
final class QueryValues {
    private QueryValues() {}

    static JsonNode convert(String name, String value, JsonNode propertySchema) {
        String type = propertySchema.path("type").asText("string");
        try {
            return switch (type) {
                case "integer" -> JsonNodeFactory.instance.numberNode(Long.parseLong(value.strip()));
                case "number" -> JsonNodeFactory.instance.numberNode(Double.parseDouble(value.strip()));
                case "boolean" -> JsonNodeFactory.instance.booleanNode(bool(value));
                default -> JsonNodeFactory.instance.textNode(value);
            };
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(
                            "invalid-parameter",
                            "Invalid request parameter",
                            "query parameter '" + name + "' must be " + (type.equals("integer") ? "an " : "a ") + type
                                    + ", got \"" + value + "\"")
                    .toException();
        }
    }

    private static boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }
}
