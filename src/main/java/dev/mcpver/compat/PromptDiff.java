package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonObjectBuilder;
import dev.mcpver.compat.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Compares two versions of one prompt. Prompt arguments are a string map: like tool inputs, contravariant. */
final class PromptDiff {
    private PromptDiff() {}

    static void compare(Surface.Prompt a, Surface.Prompt b, Findings findings) {
        String target = Targets.prompt(b.name());
        metadata(a, b, target, findings);
        Map<String, Surface.PromptArgument> old = SurfaceDiff.byName(a.arguments(), Surface.PromptArgument::name);
        Map<String, Surface.PromptArgument> now = SurfaceDiff.byName(b.arguments(), Surface.PromptArgument::name);
        for (Surface.PromptArgument argument : a.arguments()) {
            Surface.PromptArgument same = now.get(argument.name());
            String at = target + "#arguments/" + argument.name();
            if (same == null) {
                findings.add(
                        Rule.PROMPT_ARGUMENT_REMOVED,
                        at,
                        JsonValue.of(argument.name()),
                        null,
                        "Prompt '" + b.name() + "' argument '" + argument.name()
                                + "' was removed; values callers pass for it no longer have an effect.");
            } else {
                argument(argument, same, at, b.name(), findings);
            }
        }
        for (Surface.PromptArgument argument : b.arguments()) {
            if (!old.containsKey(argument.name())) {
                String at = target + "#arguments/" + argument.name();
                findings.add(
                        argument.required() ? Rule.PROMPT_ARGUMENT_REQUIRED_ADDED : Rule.PROMPT_ARGUMENT_OPTIONAL_ADDED,
                        at,
                        null,
                        JsonValue.of(argument.name()),
                        "Prompt '" + b.name() + "' has a new "
                                + (argument.required()
                                        ? "required argument '" + argument.name() + "'; old calls omit it."
                                        : "optional argument '" + argument.name() + "'."));
            }
        }
    }

    private static void argument(
            Surface.PromptArgument a, Surface.PromptArgument b, String at, String prompt, Findings findings) {
        if (a.required() != b.required()) {
            findings.add(
                    b.required() ? Rule.PROMPT_ARGUMENT_BECAME_REQUIRED : Rule.PROMPT_ARGUMENT_BECAME_OPTIONAL,
                    at,
                    JsonValue.of(a.required()),
                    JsonValue.of(b.required()),
                    "Prompt '" + prompt + "' argument '" + b.name() + "' became "
                            + (b.required() ? "required; old calls omit it." : "optional."));
        }
        if (!Objects.equals(a.title(), b.title()) || !Objects.equals(a.description(), b.description())) {
            findings.add(
                    Rule.PROMPT_METADATA_CHANGED,
                    at,
                    describe(a.title(), a.description()),
                    describe(b.title(), b.description()),
                    "Prompt '" + prompt + "' argument '" + b.name() + "' title or description changed.");
        }
    }

    private static void metadata(Surface.Prompt a, Surface.Prompt b, String target, Findings findings) {
        List<String> fields = new ArrayList<>();
        JsonObjectBuilder x = JsonObjectBuilder.object();
        JsonObjectBuilder y = JsonObjectBuilder.object();
        field("title", str(a.title()), str(b.title()), fields, x, y);
        field("description", str(a.description()), str(b.description()), fields, x, y);
        field("icons", a.icons(), b.icons(), fields, x, y);
        field("_meta", a.meta(), b.meta(), fields, x, y);
        if (!fields.isEmpty()) {
            findings.add(
                    Rule.PROMPT_METADATA_CHANGED,
                    target,
                    x.build(),
                    y.build(),
                    "Prompt '" + b.name() + "' " + String.join(", ", fields) + " changed.");
        }
    }

    static void field(
            String name,
            @Nullable JsonValue a,
            @Nullable JsonValue b,
            List<String> fields,
            JsonObjectBuilder x,
            JsonObjectBuilder y) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
            x.put(name, a);
            y.put(name, b);
        }
    }

    static @Nullable JsonValue str(@Nullable String value) {
        return value == null ? null : JsonValue.of(value);
    }

    private static JsonValue describe(@Nullable String title, @Nullable String description) {
        return JsonObjectBuilder.object()
                .put("title", title)
                .put("description", description)
                .build();
    }

    /** Rename evidence: the same arguments (names and requiredness) and a similar name or equal description. */
    static double evidence(Surface.Prompt from, Surface.Prompt to) {
        double name = Renames.similarity(from.name(), to.name());
        boolean sameArguments = from.arguments().stream()
                .map(a -> a.name() + a.required())
                .toList()
                .equals(to.arguments().stream()
                        .map(a -> a.name() + a.required())
                        .toList());
        boolean sameDescription =
                from.description() != null && from.description().equals(to.description());
        return sameArguments && (name >= 0.4 || sameDescription) ? 1 + name : -1;
    }
}
