package dev.mcpver.compat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule catalogue of compat.md §3 (133 rules; the two version-policy findings {@code package-version-*} are
 * reported as the declared bump, see {@link #VERSION_POLICY_FINDINGS}), plus a few mcpver extensions for cases the
 * catalogue leaves without an id. Ids are stable: they are part of reports, policies and SARIF output.
 */
public enum Rule {
    PROTOCOL_VERSION_DROPPED(
            "protocol-version-dropped",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a protocol revision the old server accepted is no longer accepted"),
    PROTOCOL_VERSION_ADDED(
            "protocol-version-added",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a protocol revision is newly accepted"),
    CAPABILITY_REMOVED(
            "capability-removed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a spec-defined server capability disappeared"),
    CAPABILITY_NONSTANDARD_REMOVED(
            "capability-nonstandard-removed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an experimental or non-standard capability disappeared"),
    CAPABILITY_ADDED("capability-added", Level.NON_BREAKING, Bump.MINOR, Consumer.WIRE, false, "a capability appeared"),
    CAPABILITY_SUBFEATURE_REMOVED(
            "capability-subfeature-removed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a capability flag that enables requests disappeared"),
    CAPABILITY_LIST_CHANGED_REMOVED(
            "capability-list-changed-removed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "listChanged notifications are no longer advertised"),
    CAPABILITY_SUBFEATURE_ADDED(
            "capability-subfeature-added",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a capability flag appeared"),
    SERVER_NAME_CHANGED(
            "server-name-changed", Level.NON_BREAKING, Bump.PATCH, Consumer.AGENT, false, "serverInfo.name changed"),
    SERVER_TITLE_CHANGED(
            "server-title-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.AGENT,
            false,
            "serverInfo title, description, icons or website changed"),
    SERVER_VERSION_STRING_CHANGED(
            "server-version-string-changed",
            Level.NON_BREAKING,
            Bump.NONE,
            Consumer.OPERATOR,
            false,
            "serverInfo.version changed"),
    INSTRUCTIONS_CHANGED(
            "instructions-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.AGENT,
            false,
            "server instructions added, changed or removed"),
    TOOL_REMOVED("tool-removed", Level.BREAKING, Bump.MAJOR, Consumer.WIRE, false, "a tool disappeared"),
    TOOL_RENAMED(
            "tool-renamed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a tool was renamed (removed and re-added under a new name)"),
    TOOL_ADDED("tool-added", Level.NON_BREAKING, Bump.MINOR, Consumer.WIRE, false, "a tool was added"),
    TOOL_DEPRECATED(
            "tool-deprecated", Level.NON_BREAKING, Bump.MINOR, Consumer.AGENT, false, "a tool was marked deprecated"),
    TOOL_TITLE_ADDED("tool-title-added", Level.NON_BREAKING, Bump.PATCH, Consumer.AGENT, false, "a tool got a title"),
    TOOL_TITLE_CHANGED(
            "tool-title-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.AGENT,
            false,
            "a tool's title changed or was removed"),
    TOOL_DESCRIPTION_CHANGED(
            "tool-description-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.AGENT,
            false,
            "a tool's description was reworded"),
    TOOL_DESCRIPTION_SEMANTICS_CHANGED(
            "tool-description-semantics-changed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.AGENT,
            false,
            "a tool's description changed what the tool or an argument means"),
    TOOL_ORDER_CHANGED(
            "tool-order-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "tools/list returns the tools in a different order"),
    TOOL_ICONS_CHANGED(
            "tool-icons-changed", Level.NON_BREAKING, Bump.PATCH, Consumer.AGENT, false, "a tool's icons changed"),
    TOOL_META_CHANGED(
            "tool-meta-changed", Level.NON_BREAKING, Bump.PATCH, Consumer.WIRE, false, "a tool's _meta changed"),
    TOOL_INPUT_SCHEMA_INVALID(
            "tool-input-schema-invalid",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "inputSchema is not a valid object schema"),
    TOOL_OUTPUT_SCHEMA_INVALID(
            "tool-output-schema-invalid",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "outputSchema is not a valid schema"),
    TOOL_ANNOTATION_READONLY_TURNED_OFF(
            "tool-annotation-readonly-turned-off",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.AGENT,
            false,
            "effective readOnlyHint went from true to false"),
    TOOL_ANNOTATION_DESTRUCTIVE_TURNED_ON(
            "tool-annotation-destructive-turned-on",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.AGENT,
            false,
            "effective destructiveHint went from false to true"),
    TOOL_ANNOTATION_IDEMPOTENT_TURNED_OFF(
            "tool-annotation-idempotent-turned-off",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.AGENT,
            false,
            "effective idempotentHint went from true to false"),
    TOOL_ANNOTATION_OPENWORLD_TURNED_ON(
            "tool-annotation-openworld-turned-on",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.AGENT,
            false,
            "effective openWorldHint went from false to true"),
    TOOL_ANNOTATION_RELAXED(
            "tool-annotation-relaxed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.AGENT,
            false,
            "an effective hint moved to the safer side"),
    TOOL_ANNOTATION_EXPLICIT_DEFAULT(
            "tool-annotation-explicit-default",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.AGENT,
            false,
            "hints made explicit (or implicit) with their default values"),
    TOOL_EXECUTION_TASK_SUPPORT_REQUIRED(
            "tool-execution-task-support-required",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "execution.taskSupport became required"),
    TOOL_EXECUTION_TASK_SUPPORT_WITHDRAWN(
            "tool-execution-task-support-withdrawn",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "task-augmented calls are no longer supported"),
    TOOL_EXECUTION_TASK_SUPPORT_OFFERED(
            "tool-execution-task-support-offered",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "task-augmented calls are newly supported (or no longer required)"),
    TOOL_EXECUTION_EXPLICIT_DEFAULT(
            "tool-execution-explicit-default",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "taskSupport \"forbidden\" made explicit"),
    TOOL_EXECUTION_EXPLICIT_DEFAULT_REMOVED(
            "tool-execution-explicit-default-removed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "explicit taskSupport \"forbidden\" dropped"),
    TOOL_INPUT_REQUIRED_PROPERTY_ADDED(
            "tool-input-required-property-added",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a new required input property"),
    TOOL_INPUT_PROPERTY_BECAME_REQUIRED(
            "tool-input-property-became-required",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an optional input property became required"),
    TOOL_INPUT_PROPERTY_BECAME_OPTIONAL(
            "tool-input-property-became-optional",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a required input property became optional"),
    TOOL_INPUT_OPTIONAL_PROPERTY_ADDED(
            "tool-input-optional-property-added",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a new optional input property"),
    TOOL_INPUT_PROPERTY_REMOVED_CLOSED(
            "tool-input-property-removed-closed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an input property was removed from an object that rejects unknown properties"),
    TOOL_INPUT_PROPERTY_REMOVED_OPEN(
            "tool-input-property-removed-open",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input property was removed from an open object (now silently ignored)"),
    TOOL_INPUT_PROPERTY_TYPE_NARROWED(
            "tool-input-property-type-narrowed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an input type accepts fewer kinds of values"),
    TOOL_INPUT_PROPERTY_TYPE_WIDENED(
            "tool-input-property-type-widened",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input type accepts more kinds of values"),
    TOOL_INPUT_PROPERTY_TYPE_CHANGED(
            "tool-input-property-type-changed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an input type changed to a disjoint type"),
    TOOL_INPUT_BECAME_NULLABLE(
            "tool-input-became-nullable",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input accepts null"),
    TOOL_INPUT_BECAME_NOT_NULLABLE(
            "tool-input-became-not-nullable",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an input no longer accepts null"),
    TOOL_INPUT_ENUM_VALUE_REMOVED(
            "tool-input-enum-value-removed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an input enum value was removed"),
    TOOL_INPUT_ENUM_VALUE_ADDED(
            "tool-input-enum-value-added",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input enum value was added (or the enum lifted)"),
    TOOL_INPUT_BECAME_ENUM(
            "tool-input-became-enum",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an unrestricted input was restricted to an enum"),
    TOOL_INPUT_CONST_CHANGED(
            "tool-input-const-changed", Level.BREAKING, Bump.MAJOR, Consumer.WIRE, false, "an input constant changed"),
    TOOL_INPUT_NUMERIC_BOUND_TIGHTENED(
            "tool-input-numeric-bound-tightened",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an input numeric bound or multipleOf tightened"),
    TOOL_INPUT_NUMERIC_BOUND_RELAXED(
            "tool-input-numeric-bound-relaxed",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input numeric bound relaxed"),
    TOOL_INPUT_UNBOUNDED_BOUND_ADDED(
            "tool-input-unbounded-bound-added",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an integer bound at ±(2^53−1) was added or removed (no effect)"),
    TOOL_INPUT_STRING_CONSTRAINT_TIGHTENED(
            "tool-input-string-constraint-tightened",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an input string length constraint tightened"),
    TOOL_INPUT_STRING_CONSTRAINT_RELAXED(
            "tool-input-string-constraint-relaxed",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input string constraint relaxed"),
    TOOL_INPUT_PATTERN_ADDED(
            "tool-input-pattern-added", Level.BREAKING, Bump.MAJOR, Consumer.WIRE, false, "an input pattern was added"),
    TOOL_INPUT_PATTERN_CHANGED(
            "tool-input-pattern-changed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input pattern changed (regex inclusion is not decided)"),
    TOOL_INPUT_PATTERN_REMOVED(
            "tool-input-pattern-removed",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input pattern was removed"),
    TOOL_INPUT_FORMAT_ADDED(
            "tool-input-format-added",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input format was added or changed"),
    TOOL_INPUT_ARRAY_CONSTRAINT_TIGHTENED(
            "tool-input-array-constraint-tightened",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an input array constraint tightened"),
    TOOL_INPUT_ARRAY_CONSTRAINT_RELAXED(
            "tool-input-array-constraint-relaxed",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input array constraint relaxed"),
    TOOL_INPUT_ADDITIONAL_PROPERTIES_RESTRICTED(
            "tool-input-additional-properties-restricted",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an input object rejects properties it accepted"),
    TOOL_INPUT_ADDITIONAL_PROPERTIES_RELAXED(
            "tool-input-additional-properties-relaxed",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input object accepts more properties"),
    TOOL_INPUT_COMPOSITION_NARROWED(
            "tool-input-composition-narrowed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an input composition (anyOf/oneOf/allOf/not/if) accepts less"),
    TOOL_INPUT_COMPOSITION_WIDENED(
            "tool-input-composition-widened",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input composition accepts more"),
    TOOL_INPUT_DEFAULT_CHANGED(
            "tool-input-default-changed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an input default changed or was removed"),
    TOOL_INPUT_DEFAULT_ADDED(
            "tool-input-default-added",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an input default was added"),
    TOOL_INPUT_REF_EQUIVALENT_REFACTOR(
            "tool-input-ref-equivalent-refactor",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "$ref/$defs rearranged with an equal resolved schema"),
    TOOL_INPUT_EQUIVALENT_REFACTOR(
            "tool-input-equivalent-refactor",
            Level.NON_BREAKING,
            Bump.NONE,
            Consumer.WIRE,
            false,
            "the input schema's representation changed, its meaning did not"),
    TOOL_INPUT_DIALECT_CHANGED(
            "tool-input-dialect-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "the input schema's $schema changed"),
    TOOL_INPUT_PROPERTY_DESCRIPTION_CHANGED(
            "tool-input-property-description-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.AGENT,
            false,
            "an input property's title, description or examples changed"),
    TOOL_OUTPUT_SCHEMA_REMOVED(
            "tool-output-schema-removed", Level.BREAKING, Bump.MAJOR, Consumer.WIRE, false, "outputSchema was removed"),
    TOOL_OUTPUT_SCHEMA_ADDED(
            "tool-output-schema-added", Level.NON_BREAKING, Bump.MINOR, Consumer.WIRE, false, "outputSchema was added"),
    TOOL_OUTPUT_REQUIRED_PROPERTY_REMOVED(
            "tool-output-required-property-removed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a required output property was removed"),
    TOOL_OUTPUT_OPTIONAL_PROPERTY_REMOVED(
            "tool-output-optional-property-removed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "an optional output property was removed"),
    TOOL_OUTPUT_PROPERTY_ADDED_TO_CLOSED(
            "tool-output-property-added-to-closed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a property was added to a closed output object"),
    TOOL_OUTPUT_PROPERTY_ADDED(
            "tool-output-property-added",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a property was added to an open output object"),
    TOOL_OUTPUT_PROPERTY_BECAME_OPTIONAL(
            "tool-output-property-became-optional",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a required output property became optional"),
    TOOL_OUTPUT_PROPERTY_BECAME_REQUIRED(
            "tool-output-property-became-required",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an optional output property became required"),
    TOOL_OUTPUT_TYPE_WIDENED(
            "tool-output-type-widened",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an output may have more kinds of values"),
    TOOL_OUTPUT_TYPE_NARROWED(
            "tool-output-type-narrowed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an output has fewer kinds of values"),
    TOOL_OUTPUT_TYPE_CHANGED(
            "tool-output-type-changed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an output type changed to a disjoint type"),
    TOOL_OUTPUT_BECAME_NULLABLE(
            "tool-output-became-nullable", Level.BREAKING, Bump.MAJOR, Consumer.WIRE, false, "an output may be null"),
    TOOL_OUTPUT_BECAME_NOT_NULLABLE(
            "tool-output-became-not-nullable",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an output is no longer null"),
    TOOL_OUTPUT_ENUM_VALUE_ADDED(
            "tool-output-enum-value-added",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an output may have a new enum value"),
    TOOL_OUTPUT_ENUM_VALUE_REMOVED(
            "tool-output-enum-value-removed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an output enum value is no longer returned"),
    TOOL_OUTPUT_NUMERIC_BOUND_RELAXED(
            "tool-output-numeric-bound-relaxed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an output numeric bound relaxed"),
    TOOL_OUTPUT_STRING_CONSTRAINT_RELAXED(
            "tool-output-string-constraint-relaxed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an output string constraint relaxed"),
    TOOL_OUTPUT_ARRAY_CONSTRAINT_RELAXED(
            "tool-output-array-constraint-relaxed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an output array constraint relaxed"),
    TOOL_OUTPUT_ARRAY_CONSTRAINT_TIGHTENED(
            "tool-output-array-constraint-tightened",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an output array constraint tightened"),
    TOOL_OUTPUT_STRING_CONSTRAINT_TIGHTENED(
            "tool-output-string-constraint-tightened",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an output string constraint tightened"),
    TOOL_OUTPUT_NUMERIC_BOUND_TIGHTENED(
            "tool-output-numeric-bound-tightened",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an output numeric bound tightened"),
    TOOL_OUTPUT_COMPOSITION_WIDENED(
            "tool-output-composition-widened",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an output composition allows new shapes"),
    TOOL_OUTPUT_COMPOSITION_NARROWED(
            "tool-output-composition-narrowed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an output composition allows fewer shapes"),
    TOOL_OUTPUT_ADDITIONAL_PROPERTIES_RELAXED(
            "tool-output-additional-properties-relaxed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "an output object may carry extra properties"),
    TOOL_OUTPUT_ADDITIONAL_PROPERTIES_RESTRICTED(
            "tool-output-additional-properties-restricted",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "an output object carries no extra properties"),
    TOOL_OUTPUT_DIALECT_CHANGED(
            "tool-output-dialect-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.WIRE,
            false,
            "the output schema's $schema changed"),
    PROMPT_REMOVED("prompt-removed", Level.BREAKING, Bump.MAJOR, Consumer.WIRE, false, "a prompt disappeared"),
    PROMPT_RENAMED("prompt-renamed", Level.BREAKING, Bump.MAJOR, Consumer.WIRE, false, "a prompt was renamed"),
    PROMPT_ADDED("prompt-added", Level.NON_BREAKING, Bump.MINOR, Consumer.WIRE, false, "a prompt was added"),
    PROMPT_ARGUMENT_REQUIRED_ADDED(
            "prompt-argument-required-added",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a new required prompt argument"),
    PROMPT_ARGUMENT_BECAME_REQUIRED(
            "prompt-argument-became-required",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a prompt argument became required"),
    PROMPT_ARGUMENT_OPTIONAL_ADDED(
            "prompt-argument-optional-added",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a new optional prompt argument"),
    PROMPT_ARGUMENT_BECAME_OPTIONAL(
            "prompt-argument-became-optional",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a prompt argument became optional"),
    PROMPT_ARGUMENT_REMOVED(
            "prompt-argument-removed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a prompt argument was removed"),
    PROMPT_METADATA_CHANGED(
            "prompt-metadata-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.AGENT,
            false,
            "a prompt's title, description, icons or argument descriptions changed"),
    RESOURCE_TEMPLATE_REMOVED(
            "resource-template-removed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a resource template disappeared"),
    RESOURCE_TEMPLATE_URI_CHANGED(
            "resource-template-uri-changed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.WIRE,
            false,
            "a resource template expands to different URIs"),
    RESOURCE_TEMPLATE_VARIABLE_RENAMED(
            "resource-template-variable-renamed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "only the variable names of a resource template changed"),
    RESOURCE_TEMPLATE_ADDED(
            "resource-template-added",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a resource template was added"),
    RESOURCE_TEMPLATE_MIME_TYPE_CHANGED(
            "resource-template-mime-type-changed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a resource template's mimeType changed"),
    RESOURCE_REMOVED(
            "resource-removed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a listed resource disappeared"),
    RESOURCE_ADDED(
            "resource-added", Level.NON_BREAKING, Bump.MINOR, Consumer.WIRE, false, "a listed resource was added"),
    RESOURCE_MIME_TYPE_CHANGED(
            "resource-mime-type-changed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            false,
            "a resource's mimeType changed"),
    RESOURCE_METADATA_CHANGED(
            "resource-metadata-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.AGENT,
            false,
            "a resource's (or template's) name, title, description, size, annotations or icons changed"),
    CONFIG_ENV_REQUIRED_ADDED(
            "config-env-required-added",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.OPERATOR,
            false,
            "a new environment variable is required at startup"),
    CONFIG_ENV_BECAME_REQUIRED(
            "config-env-became-required",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.OPERATOR,
            false,
            "an optional environment variable became required"),
    CONFIG_ENV_BECAME_OPTIONAL(
            "config-env-became-optional",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.OPERATOR,
            false,
            "a required environment variable became optional"),
    CONFIG_ENV_OPTIONAL_ADDED(
            "config-env-optional-added",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.OPERATOR,
            false,
            "a new optional environment variable"),
    CONFIG_ENV_REMOVED(
            "config-env-removed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.OPERATOR,
            false,
            "an environment variable is no longer read"),
    CONFIG_ARG_REQUIRED_ADDED(
            "config-arg-required-added",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.OPERATOR,
            false,
            "a required package or runtime argument was added"),
    CONFIG_CHOICES_NARROWED(
            "config-choices-narrowed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.OPERATOR,
            false,
            "a configured value choice was removed"),
    TRANSPORT_REMOVED(
            "transport-removed",
            Level.BREAKING,
            Bump.MAJOR,
            Consumer.OPERATOR,
            false,
            "a transport or remote type was removed"),
    RUNTIME_ENGINE_NARROWED(
            "runtime-engine-narrowed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.OPERATOR,
            false,
            "the runtime engine range no longer allows versions it allowed"),
    DEPENDENCY_ADDED(
            "dependency-added", Level.NON_BREAKING, Bump.PATCH, Consumer.OPERATOR, false, "a dependency was declared"),
    DEPENDENCY_REMOVED(
            "dependency-removed", Level.NON_BREAKING, Bump.PATCH, Consumer.OPERATOR, false, "a dependency was dropped"),
    DEPENDENCY_RANGE_CHANGED(
            "dependency-range-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.OPERATOR,
            false,
            "a dependency range changed"),
    DEPENDENCY_MAJOR_UPGRADED(
            "dependency-major-upgraded",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.OPERATOR,
            false,
            "a resolved dependency moved to another major version"),
    DEPENDENCY_UNDECLARED_IMPORT_ADDED(
            "dependency-undeclared-import-added",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.OPERATOR,
            false,
            "shipped code imports a package it does not declare"),
    DEPENDENCY_UNDECLARED_IMPORT_RESOLUTION_CHANGED(
            "dependency-undeclared-import-resolution-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.OPERATOR,
            false,
            "an undeclared import resolves to another version"),
    DEPENDENCY_RESOLUTION_DRIFT(
            "dependency-resolution-drift",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.OPERATOR,
            false,
            "same package version, different resolved dependencies"),
    MANIFEST_MCP_NAME_ADDED(
            "manifest-mcp-name-added",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.OPERATOR,
            false,
            "mcpName (registry ownership) was added"),
    // ---- mcpver extensions: cases compat.md leaves without an id (see ADR 0013)
    TOOL_INPUT_SCHEMA_UNDECIDED(
            "tool-input-schema-undecided",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            true,
            "the input schema changed in a way the analyzer cannot decide"),
    TOOL_INPUT_SCHEMA_FIXED(
            "tool-input-schema-fixed",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            true,
            "an invalid inputSchema (clients rejected tools/list) is valid now"),
    TOOL_OUTPUT_SCHEMA_FIXED(
            "tool-output-schema-fixed",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            true,
            "an invalid outputSchema is valid now"),
    TOOL_OUTPUT_SCHEMA_UNDECIDED(
            "tool-output-schema-undecided",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            true,
            "the output schema changed in a way the analyzer cannot decide"),
    TOOL_OUTPUT_FORMAT_CHANGED(
            "tool-output-format-changed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.WIRE,
            true,
            "an output format changed or was removed"),
    TOOL_OUTPUT_PROPERTY_DESCRIPTION_CHANGED(
            "tool-output-property-description-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.AGENT,
            true,
            "an output property's title, description or examples changed"),
    TOOL_OUTPUT_EQUIVALENT_REFACTOR(
            "tool-output-equivalent-refactor",
            Level.NON_BREAKING,
            Bump.NONE,
            Consumer.WIRE,
            true,
            "the output schema's representation changed, its meaning did not"),
    CONFIG_ENV_DEFAULT_CHANGED(
            "config-env-default-changed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.OPERATOR,
            true,
            "an environment variable's default changed"),
    CONFIG_ENV_METADATA_CHANGED(
            "config-env-metadata-changed",
            Level.NON_BREAKING,
            Bump.PATCH,
            Consumer.OPERATOR,
            true,
            "an environment variable's description, secret flag or format changed"),
    CONFIG_ARG_REMOVED(
            "config-arg-removed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.OPERATOR,
            true,
            "a package or runtime argument was removed"),
    CONFIG_ARG_OPTIONAL_ADDED(
            "config-arg-optional-added",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.OPERATOR,
            true,
            "an optional package or runtime argument was added"),
    TRANSPORT_ADDED(
            "transport-added",
            Level.NON_BREAKING,
            Bump.MINOR,
            Consumer.OPERATOR,
            true,
            "a transport or remote type was added"),
    MANIFEST_MCP_NAME_CHANGED(
            "manifest-mcp-name-changed",
            Level.POTENTIALLY_BREAKING,
            Bump.MINOR,
            Consumer.OPERATOR,
            true,
            "mcpName changed: a registry identity change");

    /** compat.md's version-policy findings: surfaced as {@code declaredBump} ({@code decrease}/{@code none}), not as changes. */
    public static final List<String> VERSION_POLICY_FINDINGS =
            List.of("package-version-decreased", "package-version-not-increased");

    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    static {
        for (Rule rule : values()) {
            BY_ID.put(rule.id, rule);
        }
    }

    private final String id;
    private final Level level;
    private final Bump bump;
    private final Consumer consumer;
    private final boolean extension;
    private final String summary;

    Rule(String id, Level level, Bump bump, Consumer consumer, boolean extension, String summary) {
        this.id = id;
        this.level = level;
        this.bump = bump;
        this.consumer = consumer;
        this.extension = extension;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    /** The default level; policies may override it. */
    public Level level() {
        return level;
    }

    /** The default bump this rule contributes (compat.md's bump column). */
    public Bump bump() {
        return bump;
    }

    public Consumer consumer() {
        return consumer;
    }

    /** Not in compat.md's catalogue: an mcpver extension. */
    public boolean extension() {
        return extension;
    }

    public String summary() {
        return summary;
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
