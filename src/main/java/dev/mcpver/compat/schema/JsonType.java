package dev.mcpver.compat.schema;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The JSON Schema instance types other than {@code null} (nullability is tracked on its own). */
public enum JsonType {
    BOOLEAN,
    OBJECT,
    ARRAY,
    NUMBER,
    INTEGER,
    STRING;

    /** Every value type: what a schema without {@code type} allows. {@code INTEGER} is inside {@code NUMBER}. */
    public static final Set<JsonType> ALL =
            Collections.unmodifiableSet(EnumSet.of(BOOLEAN, OBJECT, ARRAY, NUMBER, STRING));

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JsonType> fromWire(String name) {
        for (JsonType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** A normalised copy: {@code integer} disappears when {@code number} is present. */
    public static Set<JsonType> normalize(Set<JsonType> types) {
        EnumSet<JsonType> copy = types.isEmpty() ? EnumSet.noneOf(JsonType.class) : EnumSet.copyOf(types);
        if (copy.contains(NUMBER)) {
            copy.remove(INTEGER);
        }
        return Collections.unmodifiableSet(copy);
    }

    /** Whether every value of {@code type} is also a value of one of {@code types}. */
    public static boolean covers(Set<JsonType> types, JsonType type) {
        return types.contains(type) || (type == INTEGER && types.contains(NUMBER));
    }

    /** Whether any value of {@code type} belongs to {@code types} (integers are numbers and vice versa). */
    public static boolean overlaps(Set<JsonType> types, JsonType type) {
        return covers(types, type) || (type == NUMBER && types.contains(INTEGER));
    }

    /** The intersection of two normalised sets, with {@code integer ∩ number = integer}. */
    public static Set<JsonType> intersect(Set<JsonType> a, Set<JsonType> b) {
        EnumSet<JsonType> result = EnumSet.noneOf(JsonType.class);
        for (JsonType type : a) {
            if (covers(b, type)) {
                result.add(type);
            } else if (type == NUMBER && b.contains(INTEGER)) {
                result.add(INTEGER);
            }
        }
        return normalize(result);
    }

    /** Whether every value allowed by {@code sub} is allowed by {@code sup}. */
    public static boolean subset(Set<JsonType> sub, Set<JsonType> sup) {
        return sub.stream().allMatch(type -> covers(sup, type));
    }
}
