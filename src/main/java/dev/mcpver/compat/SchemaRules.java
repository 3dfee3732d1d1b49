package dev.mcpver.compat;

import dev.mcpver.compat.schema.Delta;
import java.util.Set;

/**
 * Maps side-free schema {@link Delta}s to catalogue rules. Tool inputs (and prompt arguments) are contravariant:
 * narrowing breaks callers. Tool outputs are covariant: widening breaks readers.
 */
final class SchemaRules {
    private SchemaRules() {}

    /** Which schema of a tool. */
    enum Side {
        INPUT("input"),
        OUTPUT("output");

        private final String fragment;

        Side(String fragment) {
            this.fragment = fragment;
        }

        String fragment() {
            return fragment;
        }
    }

    static Rule rule(Delta delta, Side side) {
        return side == Side.INPUT ? input(delta.kind(), delta.flags()) : output(delta.kind(), delta.flags());
    }

    private static Rule input(Delta.Kind kind, Set<Delta.Flag> flags) {
        switch (kind) {
            case PROPERTY_ADDED:
                return flags.contains(Delta.Flag.REQUIRED)
                        ? Rule.TOOL_INPUT_REQUIRED_PROPERTY_ADDED
                        : Rule.TOOL_INPUT_OPTIONAL_PROPERTY_ADDED;
            case PROPERTY_REMOVED:
                return flags.contains(Delta.Flag.CLOSED)
                        ? Rule.TOOL_INPUT_PROPERTY_REMOVED_CLOSED
                        : Rule.TOOL_INPUT_PROPERTY_REMOVED_OPEN;
            case BECAME_REQUIRED:
                return Rule.TOOL_INPUT_PROPERTY_BECAME_REQUIRED;
            case BECAME_OPTIONAL:
                return Rule.TOOL_INPUT_PROPERTY_BECAME_OPTIONAL;
            case TYPE_NARROWED:
                return Rule.TOOL_INPUT_PROPERTY_TYPE_NARROWED;
            case TYPE_WIDENED:
                return Rule.TOOL_INPUT_PROPERTY_TYPE_WIDENED;
            case TYPE_CHANGED:
                return Rule.TOOL_INPUT_PROPERTY_TYPE_CHANGED;
            case BECAME_NULLABLE:
                return Rule.TOOL_INPUT_BECAME_NULLABLE;
            case BECAME_NOT_NULLABLE:
                return Rule.TOOL_INPUT_BECAME_NOT_NULLABLE;
            case ENUM_VALUE_ADDED:
            case ENUM_REMOVED:
                return Rule.TOOL_INPUT_ENUM_VALUE_ADDED;
            case ENUM_VALUE_REMOVED:
                return Rule.TOOL_INPUT_ENUM_VALUE_REMOVED;
            case BECAME_ENUM:
                return Rule.TOOL_INPUT_BECAME_ENUM;
            case CONST_CHANGED:
                return Rule.TOOL_INPUT_CONST_CHANGED;
            case NUMERIC_TIGHTENED:
                return Rule.TOOL_INPUT_NUMERIC_BOUND_TIGHTENED;
            case NUMERIC_RELAXED:
                return Rule.TOOL_INPUT_NUMERIC_BOUND_RELAXED;
            case UNBOUNDED_BOUND_CHANGED:
                return Rule.TOOL_INPUT_UNBOUNDED_BOUND_ADDED;
            case STRING_TIGHTENED:
                return Rule.TOOL_INPUT_STRING_CONSTRAINT_TIGHTENED;
            case STRING_RELAXED:
            case FORMAT_REMOVED:
                return Rule.TOOL_INPUT_STRING_CONSTRAINT_RELAXED;
            case PATTERN_ADDED:
                return Rule.TOOL_INPUT_PATTERN_ADDED;
            case PATTERN_CHANGED:
                return Rule.TOOL_INPUT_PATTERN_CHANGED;
            case PATTERN_REMOVED:
                return Rule.TOOL_INPUT_PATTERN_REMOVED;
            case FORMAT_ADDED:
            case FORMAT_CHANGED:
                return Rule.TOOL_INPUT_FORMAT_ADDED;
            case ARRAY_TIGHTENED:
                return Rule.TOOL_INPUT_ARRAY_CONSTRAINT_TIGHTENED;
            case ARRAY_RELAXED:
                return Rule.TOOL_INPUT_ARRAY_CONSTRAINT_RELAXED;
            case ADDITIONAL_RESTRICTED:
                return Rule.TOOL_INPUT_ADDITIONAL_PROPERTIES_RESTRICTED;
            case ADDITIONAL_RELAXED:
                return Rule.TOOL_INPUT_ADDITIONAL_PROPERTIES_RELAXED;
            case COMPOSITION_NARROWED:
                return Rule.TOOL_INPUT_COMPOSITION_NARROWED;
            case COMPOSITION_WIDENED:
            case MAYBE_WIDENED:
                return Rule.TOOL_INPUT_COMPOSITION_WIDENED;
            case MAYBE_NARROWED:
            case UNDECIDED:
                return Rule.TOOL_INPUT_SCHEMA_UNDECIDED;
            case DEFAULT_ADDED:
                return Rule.TOOL_INPUT_DEFAULT_ADDED;
            case DEFAULT_CHANGED:
            case DEFAULT_REMOVED:
                return Rule.TOOL_INPUT_DEFAULT_CHANGED;
            case DESCRIPTION_CHANGED:
                return Rule.TOOL_INPUT_PROPERTY_DESCRIPTION_CHANGED;
            case DIALECT_CHANGED:
                return Rule.TOOL_INPUT_DIALECT_CHANGED;
            case REF_REFACTOR:
                return Rule.TOOL_INPUT_REF_EQUIVALENT_REFACTOR;
            case EQUIVALENT_REFACTOR:
            default:
                return Rule.TOOL_INPUT_EQUIVALENT_REFACTOR;
        }
    }

    private static Rule output(Delta.Kind kind, Set<Delta.Flag> flags) {
        switch (kind) {
            case PROPERTY_ADDED:
                return flags.contains(Delta.Flag.CLOSED)
                        ? Rule.TOOL_OUTPUT_PROPERTY_ADDED_TO_CLOSED
                        : Rule.TOOL_OUTPUT_PROPERTY_ADDED;
            case PROPERTY_REMOVED:
                return flags.contains(Delta.Flag.REQUIRED)
                        ? Rule.TOOL_OUTPUT_REQUIRED_PROPERTY_REMOVED
                        : Rule.TOOL_OUTPUT_OPTIONAL_PROPERTY_REMOVED;
            case BECAME_REQUIRED:
                return Rule.TOOL_OUTPUT_PROPERTY_BECAME_REQUIRED;
            case BECAME_OPTIONAL:
                return Rule.TOOL_OUTPUT_PROPERTY_BECAME_OPTIONAL;
            case TYPE_NARROWED:
                return Rule.TOOL_OUTPUT_TYPE_NARROWED;
            case TYPE_WIDENED:
                return Rule.TOOL_OUTPUT_TYPE_WIDENED;
            case TYPE_CHANGED:
                return Rule.TOOL_OUTPUT_TYPE_CHANGED;
            case BECAME_NULLABLE:
                return Rule.TOOL_OUTPUT_BECAME_NULLABLE;
            case BECAME_NOT_NULLABLE:
                return Rule.TOOL_OUTPUT_BECAME_NOT_NULLABLE;
            case ENUM_VALUE_ADDED:
            case ENUM_REMOVED:
            case CONST_CHANGED:
                return Rule.TOOL_OUTPUT_ENUM_VALUE_ADDED;
            case ENUM_VALUE_REMOVED:
            case BECAME_ENUM:
                return Rule.TOOL_OUTPUT_ENUM_VALUE_REMOVED;
            case NUMERIC_TIGHTENED:
            case UNBOUNDED_BOUND_CHANGED:
                return Rule.TOOL_OUTPUT_NUMERIC_BOUND_TIGHTENED;
            case NUMERIC_RELAXED:
                return Rule.TOOL_OUTPUT_NUMERIC_BOUND_RELAXED;
            case STRING_TIGHTENED:
            case PATTERN_ADDED:
            case FORMAT_ADDED:
                return Rule.TOOL_OUTPUT_STRING_CONSTRAINT_TIGHTENED;
            case STRING_RELAXED:
            case PATTERN_REMOVED:
                return Rule.TOOL_OUTPUT_STRING_CONSTRAINT_RELAXED;
            case FORMAT_CHANGED:
            case FORMAT_REMOVED:
                return Rule.TOOL_OUTPUT_FORMAT_CHANGED;
            case ARRAY_TIGHTENED:
                return Rule.TOOL_OUTPUT_ARRAY_CONSTRAINT_TIGHTENED;
            case ARRAY_RELAXED:
                return Rule.TOOL_OUTPUT_ARRAY_CONSTRAINT_RELAXED;
            case ADDITIONAL_RESTRICTED:
                return Rule.TOOL_OUTPUT_ADDITIONAL_PROPERTIES_RESTRICTED;
            case ADDITIONAL_RELAXED:
                return Rule.TOOL_OUTPUT_ADDITIONAL_PROPERTIES_RELAXED;
            case COMPOSITION_NARROWED:
            case MAYBE_NARROWED:
                return Rule.TOOL_OUTPUT_COMPOSITION_NARROWED;
            case COMPOSITION_WIDENED:
                return Rule.TOOL_OUTPUT_COMPOSITION_WIDENED;
            case MAYBE_WIDENED:
            case UNDECIDED:
            case PATTERN_CHANGED:
                return Rule.TOOL_OUTPUT_SCHEMA_UNDECIDED;
            case DEFAULT_ADDED:
            case DEFAULT_CHANGED:
            case DEFAULT_REMOVED:
            case DESCRIPTION_CHANGED:
                return Rule.TOOL_OUTPUT_PROPERTY_DESCRIPTION_CHANGED;
            case DIALECT_CHANGED:
                return Rule.TOOL_OUTPUT_DIALECT_CHANGED;
            case REF_REFACTOR:
            case EQUIVALENT_REFACTOR:
            default:
                return Rule.TOOL_OUTPUT_EQUIVALENT_REFACTOR;
        }
    }

    /** One sentence: what changed and why it matters for this side. */
    static String message(String tool, Side side, Delta delta, Rule rule) {
        String where = delta.pointer().isEmpty() ? "" : " at " + delta.pointer();
        String consequence =
                switch (rule.level()) {
                    case BREAKING ->
                        side == Side.INPUT
                                ? "arguments that were valid may now be rejected"
                                : "results may now violate what clients were promised";
                    case POTENTIALLY_BREAKING -> "may change behaviour for existing callers; review it";
                    case NON_BREAKING ->
                        side == Side.INPUT ? "existing calls stay valid" : "existing readers stay valid";
                };
        return "Tool '" + tool + "' " + side.fragment() + where + ": " + delta.detail() + "; " + consequence + ".";
    }
}
