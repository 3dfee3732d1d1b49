package dev.mcpver.agent;

import java.util.Locale;
import java.util.Optional;

/** Enums stored and sent as lower-case snake names ({@code awaiting_confirmation}). */
interface WireEnum {
    String name();

    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.wire().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E> & WireEnum> E require(Class<E> type, String text) {
        return parse(type, text)
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + text + "'"));
    }
}
