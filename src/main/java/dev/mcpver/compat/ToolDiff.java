package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.schema.CanonicalSchema;
import dev.mcpver.compat.schema.Delta;
import dev.mcpver.compat.schema.SchemaDiff;
import dev.mcpver.compat.schema.SchemaNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Compares two versions of one tool: metadata, annotations (effective values), execution, input and output schema. */
final class ToolDiff {
    private static final Pattern DEPRECATED = Pattern.compile("(?i)(^|[\\[(\\s])deprecated\\b");

    private final Schemas schemas;
    private final Findings findings;
    private final boolean outputMayBeAnySchema;

    ToolDiff(Schemas schemas, Findings findings, boolean outputMayBeAnySchema) {
        this.schemas = schemas;
        this.findings = findings;
        this.outputMayBeAnySchema = outputMayBeAnySchema;
    }

    void compare(Surface.Tool a, Surface.Tool b) {
        String target = Targets.tool(b.name());
        title(a, b, target);
        description(a, b, target);
        if (!Objects.equals(a.icons(), b.icons())) {
            findings.add(
                    Rule.TOOL_ICONS_CHANGED, target, a.icons(), b.icons(), "Tool '" + b.name() + "' icons changed.");
        }
        meta(a, b, target);
        new Hints(a, b, target).compare();
        execution(a, b, target);
        input(a, b, target);
        output(a, b, target);
    }

    private void title(Surface.Tool a, Surface.Tool b, String target) {
        if (!Objects.equals(a.title(), b.title())) {
            Rule rule = a.title() == null ? Rule.TOOL_TITLE_ADDED : Rule.TOOL_TITLE_CHANGED;
            findings.addText(
                    rule,
                    target + "#title",
                    a.title(),
                    b.title(),
                    "Tool '" + b.name() + "' title "
                            + (a.title() == null ? "added" : b.title() == null ? "removed" : "changed")
                            + " (display only).");
        }
        String before = annotationTitle(a);
        String after = annotationTitle(b);
        if (!Objects.equals(before, after)) {
            Rule rule = before == null ? Rule.TOOL_TITLE_ADDED : Rule.TOOL_TITLE_CHANGED;
            findings.addText(
                    rule,
                    target + "#annotations/title",
                    before,
                    after,
                    "Tool '" + b.name() + "' annotations.title changed (display only).");
        }
    }

    private static @Nullable String annotationTitle(Surface.Tool tool) {
        if (tool.annotations() == null) {
            return null;
        }
        return tool.annotations()
                .get("title")
                .filter(JsonValue.JString.class::isInstance)
                .map(v -> ((JsonValue.JString) v).value())
                .orElse(null);
    }

    private void description(Surface.Tool a, Surface.Tool b, String target) {
        String before = a.description() == null ? "" : a.description();
        String after = b.description() == null ? "" : b.description();
        if (!before.equals(after)) {
            Set<String> parameters = parameterNames(a);
            parameters.addAll(parameterNames(b));
            boolean semantic = DescriptionSemantics.changesMeaning(before, after, parameters);
            findings.addText(
                    semantic ? Rule.TOOL_DESCRIPTION_SEMANTICS_CHANGED : Rule.TOOL_DESCRIPTION_CHANGED,
                    target + "#description",
                    a.description(),
                    b.description(),
                    semantic
                            ? "Tool '" + b.name()
                                    + "' description changed what the tool or an argument means; agents will call it differently."
                            : "Tool '" + b.name() + "' description was reworded.");
        }
        if (Objects.equals(a.title(), b.title()) && Objects.equals(a.description(), b.description())) {
            return;
        }
        boolean was = deprecated(a.title()) || deprecated(a.description());
        boolean is = deprecated(b.title()) || deprecated(b.description());
        if (is && !was) {
            findings.addText(
                    Rule.TOOL_DEPRECATED,
                    target + "#description",
                    a.description(),
                    b.description(),
                    "Tool '" + b.name() + "' is marked deprecated; announce its removal before a major release.");
        }
    }

    private Set<String> parameterNames(Surface.Tool tool) {
        SchemaNode root = schemas.of(tool.inputSchema()).root();
        Set<String> names = new TreeSet<>();
        if (root instanceof SchemaNode.Shape shape) {
            names.addAll(shape.objects().properties().keySet());
        }
        return names;
    }

    static boolean deprecated(@Nullable String text) {
        // cheap pre-check before the regex: most descriptions never mention it
        return text != null
                && (text.contains("eprecat") || text.contains("EPRECAT"))
                && DEPRECATED.matcher(text).find();
    }

    private void meta(Surface.Tool a, Surface.Tool b, String target) {
        if (!Objects.equals(a.meta(), b.meta())) {
            findings.add(Rule.TOOL_META_CHANGED, target, a.meta(), b.meta(), "Tool '" + b.name() + "' _meta changed.");
        }
        if (metaDeprecated(b.meta()) && !metaDeprecated(a.meta())) {
            findings.add(
                    Rule.TOOL_DEPRECATED,
                    target,
                    a.meta(),
                    b.meta(),
                    "Tool '" + b.name()
                            + "' is flagged deprecated in _meta; announce its removal before a major release.");
        }
    }

    private static boolean metaDeprecated(JsonValue.@Nullable JObject meta) {
        if (meta == null) {
            return false;
        }
        for (Map.Entry<String, JsonValue> entry : meta.members().entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).contains("deprecated")
                    && !JsonValue.FALSE.equals(entry.getValue())
                    && !(entry.getValue() instanceof JsonValue.JNull)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ execution

    private void execution(Surface.Tool a, Surface.Tool b, String target) {
        String before = taskSupport(a);
        String after = taskSupport(b);
        String at = target + "#execution/taskSupport";
        String name = b.name();
        if (!before.equals(after)) {
            if (after.equals("required")) {
                findings.addText(
                        Rule.TOOL_EXECUTION_TASK_SUPPORT_REQUIRED,
                        at,
                        before,
                        after,
                        "Tool '" + name + "' now requires task-augmented calls; clients without tasks cannot call it.");
            } else if (after.equals("forbidden")) {
                findings.addText(
                        Rule.TOOL_EXECUTION_TASK_SUPPORT_WITHDRAWN,
                        at,
                        before,
                        after,
                        "Tool '" + name + "' no longer supports task-augmented calls; such calls now fail.");
            } else {
                findings.addText(
                        Rule.TOOL_EXECUTION_TASK_SUPPORT_OFFERED,
                        at,
                        before,
                        after,
                        "Tool '" + name + "' accepts task-augmented calls optionally now.");
            }
            return;
        }
        boolean explicitBefore = explicitTaskSupport(a);
        boolean explicitAfter = explicitTaskSupport(b);
        if (explicitBefore != explicitAfter) {
            Rule rule =
                    explicitAfter ? Rule.TOOL_EXECUTION_EXPLICIT_DEFAULT : Rule.TOOL_EXECUTION_EXPLICIT_DEFAULT_REMOVED;
            findings.addText(
                    rule,
                    at,
                    explicitBefore ? before : null,
                    explicitAfter ? after : null,
                    "Tool '" + name + "' taskSupport \"" + after + "\" is now "
                            + (explicitAfter ? "explicit" : "implicit") + "; no effective change.");
        }
    }

    private static String taskSupport(Surface.Tool tool) {
        return Optional.ofNullable(tool.execution())
                .flatMap(e -> e.get("taskSupport"))
                .filter(JsonValue.JString.class::isInstance)
                .map(v -> ((JsonValue.JString) v).value())
                .orElse("forbidden");
    }

    private static boolean explicitTaskSupport(Surface.Tool tool) {
        return tool.execution() != null && tool.execution().has("taskSupport");
    }

    // ------------------------------------------------------------------------------------------ schemas

    private void input(Surface.Tool a, Surface.Tool b, String target) {
        if (a.inputSchema().equals(b.inputSchema())) {
            return;
        }
        List<String> newProblems = InputValidity.inputProblems(b.inputSchema(), schemas.of(b.inputSchema()));
        List<String> oldProblems = InputValidity.inputProblems(a.inputSchema(), schemas.of(a.inputSchema()));
        if (!newProblems.isEmpty()) {
            invalid(
                    Rule.TOOL_INPUT_SCHEMA_INVALID,
                    Rule.TOOL_INPUT_SCHEMA_UNDECIDED,
                    oldProblems,
                    newProblems,
                    a,
                    b,
                    target + "#input",
                    "inputSchema");
            return;
        }
        if (!oldProblems.isEmpty()) {
            fixed(
                    Rule.TOOL_INPUT_SCHEMA_FIXED,
                    oldProblems,
                    a.inputSchema(),
                    b.inputSchema(),
                    b.name(),
                    target + "#input");
            return;
        }
        deltas(schemas.of(a.inputSchema()), schemas.of(b.inputSchema()), SchemaRules.Side.INPUT, b.name(), target);
    }

    private void output(Surface.Tool a, Surface.Tool b, String target) {
        JsonValue before = a.outputSchema();
        JsonValue after = b.outputSchema();
        if (Objects.equals(before, after)) {
            return;
        }
        if (after == null) {
            findings.add(
                    Rule.TOOL_OUTPUT_SCHEMA_REMOVED,
                    target + "#output",
                    before,
                    null,
                    "Tool '" + b.name() + "' no longer declares an outputSchema; clients lose the structured result.");
            return;
        }
        List<String> newProblems = InputValidity.outputProblems(after, schemas.of(after), outputMayBeAnySchema);
        if (!newProblems.isEmpty()) {
            List<String> oldProblems = before == null
                    ? List.of()
                    : InputValidity.outputProblems(before, schemas.of(before), outputMayBeAnySchema);
            invalid(
                    Rule.TOOL_OUTPUT_SCHEMA_INVALID,
                    Rule.TOOL_OUTPUT_SCHEMA_UNDECIDED,
                    oldProblems,
                    newProblems,
                    a,
                    b,
                    target + "#output",
                    "outputSchema");
            return;
        }
        List<String> oldProblems = before == null
                ? List.of()
                : InputValidity.outputProblems(before, schemas.of(before), outputMayBeAnySchema);
        if (!oldProblems.isEmpty()) {
            fixed(Rule.TOOL_OUTPUT_SCHEMA_FIXED, oldProblems, before, after, b.name(), target + "#output");
            return;
        }
        if (before == null) {
            findings.add(
                    Rule.TOOL_OUTPUT_SCHEMA_ADDED,
                    target + "#output",
                    null,
                    after,
                    "Tool '" + b.name() + "' declares an outputSchema now: a new guarantee for clients.");
            return;
        }
        deltas(schemas.of(before), schemas.of(after), SchemaRules.Side.OUTPUT, b.name(), target);
    }

    private void invalid(
            Rule invalid,
            Rule undecided,
            List<String> oldProblems,
            List<String> newProblems,
            Surface.Tool a,
            Surface.Tool b,
            String at,
            String which) {
        JsonValue before = which.equals("inputSchema") ? a.inputSchema() : a.outputSchema();
        JsonValue after = which.equals("inputSchema") ? b.inputSchema() : b.outputSchema();
        if (oldProblems.isEmpty()) {
            findings.add(
                    invalid,
                    at,
                    before,
                    after,
                    "Tool '" + b.name() + "' " + which + " is invalid (" + newProblems.get(0)
                            + "); SDK clients reject the whole tools/list.");
        } else {
            findings.add(
                    undecided,
                    at,
                    before,
                    after,
                    "Tool '" + b.name() + "' " + which + " changed but is invalid before and after ("
                            + newProblems.get(0) + "); it cannot be compared.");
        }
    }

    /** The old schema was invalid (clients rejected the list): comparing keyword by keyword would only mislead. */
    private void fixed(
            Rule rule, List<String> oldProblems, @Nullable JsonValue before, JsonValue after, String name, String at) {
        findings.add(
                rule,
                at,
                before,
                after,
                "Tool '" + name + "' schema was invalid before (" + oldProblems.get(0)
                        + ") and is valid now; clients that rejected the tool list can use it again.");
    }

    private void deltas(
            CanonicalSchema before, CanonicalSchema after, SchemaRules.Side side, String name, String target) {
        for (Delta delta : SchemaDiff.compare(before, after)) {
            Rule rule = SchemaRules.rule(delta, side);
            findings.add(
                    rule,
                    target + "#" + side.fragment() + delta.pointer(),
                    delta.before(),
                    delta.after(),
                    SchemaRules.message(name, side, delta, rule));
        }
    }

    // ------------------------------------------------------------------------------------------ annotations

    /** Effective annotation hints (explicit value or the spec default). */
    private final class Hints {
        private final Surface.Tool a;
        private final Surface.Tool b;
        private final String target;

        Hints(Surface.Tool a, Surface.Tool b, String target) {
            this.a = a;
            this.b = b;
            this.target = target;
        }

        void compare() {
            boolean roBefore = hint(a, "readOnlyHint", false);
            boolean roAfter = hint(b, "readOnlyHint", false);
            one(
                    "readOnlyHint",
                    roBefore,
                    roAfter,
                    false,
                    Rule.TOOL_ANNOTATION_READONLY_TURNED_OFF,
                    "hosts may stop auto-approving it");
            one(
                    "destructiveHint",
                    !roBefore && hint(a, "destructiveHint", true),
                    !roAfter && hint(b, "destructiveHint", true),
                    true,
                    Rule.TOOL_ANNOTATION_DESTRUCTIVE_TURNED_ON,
                    "confirmation policies change");
            one(
                    "idempotentHint",
                    hint(a, "idempotentHint", false),
                    hint(b, "idempotentHint", false),
                    false,
                    Rule.TOOL_ANNOTATION_IDEMPOTENT_TURNED_OFF,
                    "retry logic must change");
            one(
                    "openWorldHint",
                    hint(a, "openWorldHint", true),
                    hint(b, "openWorldHint", true),
                    true,
                    Rule.TOOL_ANNOTATION_OPENWORLD_TURNED_ON,
                    "egress and sandbox policies change");
            others();
        }

        /**
         * @param riskyWhenTrue whether {@code true} is the riskier value of this hint
         */
        private void one(String hint, boolean before, boolean after, boolean riskyWhenTrue, Rule riskier, String why) {
            String at = target + "#annotations/" + hint;
            if (before != after) {
                boolean risk = after == riskyWhenTrue;
                findings.add(
                        risk ? riskier : Rule.TOOL_ANNOTATION_RELAXED,
                        at,
                        JsonValue.of(before),
                        JsonValue.of(after),
                        "Tool '" + b.name() + "' effective " + hint + " went from " + before + " to " + after
                                + (risk ? "; " + why + "." : " (the safer side)."));
                return;
            }
            Optional<JsonValue> x = explicit(a, hint);
            Optional<JsonValue> y = explicit(b, hint);
            if (x.isPresent() != y.isPresent()) {
                findings.add(
                        Rule.TOOL_ANNOTATION_EXPLICIT_DEFAULT,
                        at,
                        x.orElse(null),
                        y.orElse(null),
                        "Tool '" + b.name() + "' " + hint + " is now " + (y.isPresent() ? "explicit" : "implicit")
                                + " with its effective value " + after + "; no effective change.");
            }
        }

        /** Annotation members other than the four hints and the title: compared as metadata. */
        private void others() {
            Set<String> known = Set.of("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint", "title");
            Map<String, JsonValue> x = rest(a, known);
            Map<String, JsonValue> y = rest(b, known);
            if (!x.equals(y)) {
                findings.add(
                        Rule.TOOL_META_CHANGED,
                        target,
                        new JsonValue.JObject(x),
                        new JsonValue.JObject(y),
                        "Tool '" + b.name() + "' non-standard annotations changed.");
            }
        }

        private Map<String, JsonValue> rest(Surface.Tool tool, Set<String> known) {
            Map<String, JsonValue> rest = new java.util.TreeMap<>();
            if (tool.annotations() != null) {
                tool.annotations().members().forEach((k, v) -> {
                    if (!known.contains(k)) {
                        rest.put(k, v);
                    }
                });
            }
            return rest;
        }
    }

    private static Optional<JsonValue> explicit(Surface.Tool tool, String hint) {
        return tool.annotations() == null
                ? Optional.empty()
                : tool.annotations().get(hint).filter(JsonValue.JBool.class::isInstance);
    }

    private static boolean hint(Surface.Tool tool, String hint, boolean absent) {
        return explicit(tool, hint).map(JsonValue.TRUE::equals).orElse(absent);
    }
}
