package dev.mcpver.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/** Renders one log event as a single JSON line with a fixed field order. */
final class JsonLineFormatter {
    private JsonLineFormatter() {}

    static String format(
            long epochMillis,
            Level level,
            String logger,
            String message,
            List<KeyValuePair> keyValues,
            Map<String, String> mdc,
            @Nullable Throwable error) {
        StringBuilder line = new StringBuilder(160);
        line.append("{\"ts\":\"").append(Instant.ofEpochMilli(epochMillis)).append('"');
        field(line, "level", level.name());
        field(line, "logger", logger);
        // A key given with the event wins over the same key in the MDC: the MDC is inherited by threads a request
        // happens to create, so on async completions and pools it can carry another request's id.
        mdc.forEach((key, value) -> {
            if (keyValues.stream().noneMatch(pair -> pair.key.equals(key))) {
                field(line, key, value);
            }
        });
        for (KeyValuePair pair : keyValues) {
            valueField(line, pair.key, pair.value);
        }
        field(line, "msg", message);
        if (error != null) {
            field(line, "error", error.getClass().getName() + ": " + error.getMessage());
            field(line, "stack", stackTrace(error));
        }
        return line.append('}').toString();
    }

    private static void valueField(StringBuilder line, String key, @Nullable Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            line.append(",\"");
            escape(line, key);
            line.append("\":").append(value);
        } else {
            field(line, key, String.valueOf(value));
        }
    }

    private static void field(StringBuilder line, String key, String value) {
        line.append(",\"");
        escape(line, key);
        line.append("\":\"");
        escape(line, value);
        line.append('"');
    }

    static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
