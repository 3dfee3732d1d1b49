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

    private static final java.util.Map<String, JsonType> BY_WIRE_NAME = new java.util.HashMap<>();

    static {
        for (JsonType type : values()) {
            BY_WIRE_NAME.put(type.wireName, type);
        }
    }

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<JsonType> fromWire(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }

    /** The normalised sets, by bit mask: shapes are built often, their type sets come from this cache. */
    private static final java.util.List<Set<JsonType>> NORMALIZED = normalizedSets();

    private static java.util.List<Set<JsonType>> normalizedSets() {
        java.util.List<Set<JsonType>> sets = new java.util.ArrayList<>();
        for (int mask = 0; mask < 1 << values().length; mask++) {
            EnumSet<JsonType> set = EnumSet.noneOf(JsonType.class);
            for (JsonType type : values()) {
                if ((mask & (1 << type.ordinal())) != 0) {
                    set.add(type);
                }
            }
            if (set.contains(NUMBER)) {
                set.remove(INTEGER);
            }
            sets.add(Collections.unmodifiableSet(set));
        }
        return java.util.List.copyOf(sets);
    }

    /** A normalised copy: {@code integer} disappears when {@code number} is present. */
    public static Set<JsonType> normalize(Set<JsonType> types) {
        int mask = 0;
        for (JsonType type : types) {
            mask |= 1 << type.ordinal();
        }
        return NORMALIZED.get(mask);
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
