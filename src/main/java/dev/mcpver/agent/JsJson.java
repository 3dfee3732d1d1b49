package dev.mcpver.agent;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text exactly as JavaScript's {@code JSON.stringify(value, null, 2)} writes it: two-space indent,
 * {@code "key": value}, empty containers as {@code []}/{@code {}}, keys in the node's order. Used for the
 * {@code sequentialthinking} result text (upstream's format) and for deterministic trace exports.
 */
final class JsJson {
    private JsJson() {}

    static String stringify(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(out, node, "");
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode node, String indent) {
        if (node.isObject()) {
            writeObject(out, node, indent);
        } else if (node.isArray()) {
            writeArray(out, node, indent);
        } else if (node.isTextual()) {
            quote(out, node.asText());
        } else {
            out.append(node.toString());
        }
    }

    private static void writeObject(StringBuilder out, JsonNode node, String indent) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + "  ";
        out.append("{\n");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.append(inner);
            quote(out, field.getKey());
            out.append(": ");
            write(out, field.getValue(), inner);
            out.append(fields.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void writeArray(StringBuilder out, JsonNode node, String indent) {
        if (node.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent + "  ";
        out.append("[\n");
        for (int i = 0; i < node.size(); i++) {
            out.append(inner);
            write(out, node.get(i), inner);
            out.append(i + 1 < node.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"')
                .append(JsonStringEncoder.getInstance().quoteAsString(text))
                .append('"');
    }
}
