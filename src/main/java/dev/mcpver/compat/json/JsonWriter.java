package dev.mcpver.compat.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deterministic JSON text: the same value always gives the same bytes. {@link #pretty} and {@link #compact} keep
 * member order (reports are ordered for readers); {@link #canonical} sorts members by key (hashing, cache keys).
 */
public final class JsonWriter {
    private final boolean indent;
    private final boolean sortKeys;
    private final StringBuilder out = new StringBuilder(256);

    private JsonWriter(boolean indent, boolean sortKeys) {
        this.indent = indent;
        this.sortKeys = sortKeys;
    }

    /** Two-space indentation, one member per line, a trailing newline. */
    public static String pretty(JsonValue value) {
        JsonWriter writer = new JsonWriter(true, false);
        writer.write(value, 0);
        return writer.out.append('\n').toString();
    }

    public static String compact(JsonValue value) {
        JsonWriter writer = new JsonWriter(false, false);
        writer.write(value, 0);
        return writer.out.toString();
    }

    /** Compact with members sorted by key: equal values (in the {@link JsonValue#equals} sense) give equal text. */
    public static String canonical(JsonValue value) {
        JsonWriter writer = new JsonWriter(false, true);
        writer.write(value, 0);
        return writer.out.toString();
    }

    private void write(JsonValue value, int depth) {
        if (value instanceof JsonValue.JObject object) {
            writeObject(object, depth);
        } else if (value instanceof JsonValue.JArray array) {
            writeArray(array, depth);
        } else if (value instanceof JsonValue.JString string) {
            quote(string.value(), out);
        } else if (value instanceof JsonValue.JNumber number) {
            out.append(number(number.value()));
        } else if (value instanceof JsonValue.JBool bool) {
            out.append(bool.value());
        } else {
            out.append("null");
        }
    }

    private void writeObject(JsonValue.JObject object, int depth) {
        if (object.members().isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, JsonValue>> entries =
                new ArrayList<>(object.members().entrySet());
        if (sortKeys) {
            entries.sort(Map.Entry.comparingByKey());
        }
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            separator(i, depth + 1);
            quote(entries.get(i).getKey(), out);
            out.append(indent ? ": " : ":");
            write(entries.get(i).getValue(), depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    private void writeArray(JsonValue.JArray array, int depth) {
        if (array.items().isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < array.items().size(); i++) {
            separator(i, depth + 1);
            write(array.items().get(i), depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void separator(int index, int depth) {
        if (index > 0) {
            out.append(',');
        }
        newline(depth);
    }

    private void newline(int depth) {
        if (indent) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    /** Integers without exponent while they are short; everything else in BigDecimal's (valid JSON) notation. */
    static String number(BigDecimal value) {
        if (value.scale() <= 0 && value.precision() - value.scale() <= 21) {
            return value.toPlainString();
        }
        if (value.scale() <= 0) {
            return value.stripTrailingZeros().toString();
        }
        return value.toString();
    }

    /** Appends {@code text} as a JSON string literal. */
    public static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
