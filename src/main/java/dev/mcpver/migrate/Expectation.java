package dev.mcpver.migrate;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A predicate on a smoke call's result.
 *
 * <ul>
 *   <li>{@code not_error}: {@code isError} is not true;
 *   <li>{@code text_contains}: the concatenated text content contains {@code value};
 *   <li>{@code json_equals}: the structured content at JSON pointer {@code pointer} equals the JSON {@code value};
 *   <li>{@code max_latency_ms}: the call answered within {@code value} milliseconds.
 * </ul>
 *
 * @param kind which predicate
 * @param pointer JSON pointer ({@code json_equals} only)
 * @param value the operand
 */
public record Expectation(
        Kind kind, @Nullable String pointer, @Nullable String value) {
    /** Predicate kinds. */
    public enum Kind {
        NOT_ERROR,
        TEXT_CONTAINS,
        JSON_EQUALS,
        MAX_LATENCY_MS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Expectation {
        if (kind != Kind.NOT_ERROR && value == null) {
            throw new IllegalArgumentException(kind.wireName() + " needs a value");
        }
        if (kind == Kind.JSON_EQUALS && (pointer == null || !(pointer.isEmpty() || pointer.startsWith("/")))) {
            throw new IllegalArgumentException("json_equals needs a JSON pointer such as /status");
        }
        if (kind == Kind.MAX_LATENCY_MS && !isPositiveNumber(value)) {
            throw new IllegalArgumentException("max_latency_ms needs a positive number of milliseconds");
        }
    }

    private static boolean isPositiveNumber(@Nullable String value) {
        return value != null && value.matches("[1-9][0-9]{0,8}");
    }

    public static Expectation notError() {
        return new Expectation(Kind.NOT_ERROR, null, null);
    }

    public static Expectation textContains(String text) {
        return new Expectation(Kind.TEXT_CONTAINS, null, text);
    }

    public static Expectation jsonEquals(String pointer, String json) {
        return new Expectation(Kind.JSON_EQUALS, pointer, json);
    }

    public String describe() {
        return switch (kind) {
            case NOT_ERROR -> "not an error";
            case TEXT_CONTAINS -> "text contains \"" + value + "\"";
            case JSON_EQUALS -> pointer + " equals " + value;
            case MAX_LATENCY_MS -> "answers within " + value + " ms";
        };
    }
}
