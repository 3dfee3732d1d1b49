package dev.mcpver.compat.schema;

import dev.mcpver.compat.json.JsonValue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One difference between two canonical schemas, stated without a side: {@code NARROWED} kinds accept fewer values,
 * {@code WIDENED} kinds more. The analyzer maps a kind to a rule id per side (inputs contravariant, outputs
 * covariant).
 *
 * @param pointer JSON pointer into the (canonical) schema, e.g. {@code /properties/paths/minItems}
 * @param detail a short, neutral description ("minItems raised from 0 to 1")
 * @param flags facts the side mapping needs (was the property required? was the object closed?)
 */
public record Delta(
        Kind kind,
        String pointer,
        @Nullable JsonValue before,
        @Nullable JsonValue after,
        String detail,
        Set<Flag> flags) {

    public Delta {
        flags = Set.copyOf(flags);
    }

    /** Facts about the context of a property change. */
    public enum Flag {
        /** The property was (for removals) or is (for additions) required. */
        REQUIRED,
        /** The old object was closed ({@code additionalProperties: false}) / the new one rejects the removed name. */
        CLOSED
    }

    /** What changed; {@link #semantic()} kinds change the set of valid values. */
    public enum Kind {
        PROPERTY_ADDED,
        PROPERTY_REMOVED,
        BECAME_REQUIRED,
        BECAME_OPTIONAL,
        TYPE_NARROWED,
        TYPE_WIDENED,
        TYPE_CHANGED,
        BECAME_NULLABLE,
        BECAME_NOT_NULLABLE,
        ENUM_VALUE_ADDED,
        ENUM_VALUE_REMOVED,
        BECAME_ENUM,
        ENUM_REMOVED,
        CONST_CHANGED,
        NUMERIC_TIGHTENED,
        NUMERIC_RELAXED,
        STRING_TIGHTENED,
        STRING_RELAXED,
        PATTERN_ADDED,
        PATTERN_REMOVED,
        PATTERN_CHANGED,
        FORMAT_ADDED,
        FORMAT_CHANGED,
        FORMAT_REMOVED,
        ARRAY_TIGHTENED,
        ARRAY_RELAXED,
        ADDITIONAL_RESTRICTED,
        ADDITIONAL_RELAXED,
        COMPOSITION_NARROWED,
        COMPOSITION_WIDENED,
        /** The inclusion check could not prove that no old value is rejected. */
        MAYBE_NARROWED,
        /** The inclusion check could not prove that no new value lies outside the old schema. */
        MAYBE_WIDENED,
        /** Neither direction could be decided (unknown nodes, recursive references). */
        UNDECIDED,
        UNBOUNDED_BOUND_CHANGED(false),
        DEFAULT_ADDED(false),
        DEFAULT_CHANGED(false),
        DEFAULT_REMOVED(false),
        DESCRIPTION_CHANGED(false),
        DIALECT_CHANGED(false),
        REF_REFACTOR(false),
        EQUIVALENT_REFACTOR(false);

        private final boolean semantic;

        Kind() {
            this(true);
        }

        Kind(boolean semantic) {
            this.semantic = semantic;
        }

        public boolean semantic() {
            return semantic;
        }
    }
}
