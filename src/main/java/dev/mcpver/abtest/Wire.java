package dev.mcpver.abtest;

import java.util.Locale;
import java.util.Optional;

/** Lower-case wire names for the feature's enums ({@code higher_is_better}, {@code continue}). */
final class Wire {
    private Wire() {}

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (name(value).equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E value : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(name(value));
        }
        return names.toString();
    }
}
