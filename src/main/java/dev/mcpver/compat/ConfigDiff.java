package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The operator contract: environment variables, package/runtime arguments and transports. */
final class ConfigDiff {
    private ConfigDiff() {}

    static void compare(Surface.@Nullable Config a, Surface.@Nullable Config b, Findings findings) {
        if (a == null || b == null) {
            return;
        }
        if (a.env() != null && b.env() != null) {
            env(a.env(), b.env(), findings);
        }
        if (a.arguments() != null && b.arguments() != null) {
            arguments(a.arguments(), b.arguments(), findings);
        }
        if (a.transports() != null && b.transports() != null) {
            transports(a.transports(), b.transports(), findings);
        }
    }

    private static void env(List<Surface.EnvVar> before, List<Surface.EnvVar> after, Findings findings) {
        Map<String, Surface.EnvVar> old = SurfaceDiff.byName(before, Surface.EnvVar::name);
        Map<String, Surface.EnvVar> now = SurfaceDiff.byName(after, Surface.EnvVar::name);
        for (String name : CapabilityDiff.union(old.keySet(), now.keySet())) {
            Surface.EnvVar x = old.get(name);
            Surface.EnvVar y = now.get(name);
            String target = Targets.env(name);
            if (x == null) {
                Rule rule = Objects.requireNonNull(y).required()
                        ? Rule.CONFIG_ENV_REQUIRED_ADDED
                        : Rule.CONFIG_ENV_OPTIONAL_ADDED;
                findings.add(
                        rule,
                        target,
                        null,
                        JsonValue.of(name),
                        "Environment variable " + name + " is read now"
                                + (y.required()
                                        ? " and required at startup; existing deployments fail to start."
                                        : " (optional)."));
            } else if (y == null) {
                findings.add(
                        Rule.CONFIG_ENV_REMOVED,
                        target,
                        JsonValue.of(name),
                        null,
                        "Environment variable " + name
                                + " is no longer read; operators' settings are silently ignored.");
            } else {
                envVar(x, y, target, findings);
            }
        }
    }

    private static void envVar(Surface.EnvVar x, Surface.EnvVar y, String target, Findings findings) {
        String name = y.name();
        if (x.required() != y.required()) {
            findings.add(
                    y.required() ? Rule.CONFIG_ENV_BECAME_REQUIRED : Rule.CONFIG_ENV_BECAME_OPTIONAL,
                    target,
                    JsonValue.of(x.required()),
                    JsonValue.of(y.required()),
                    "Environment variable " + name + " became "
                            + (y.required() ? "required; deployments without it fail to start." : "optional."));
        }
        choices(x.choices(), y.choices(), target, "Environment variable " + name, findings);
        if (!Objects.equals(x.defaultValue(), y.defaultValue())) {
            String shownBefore = x.secret() ? null : x.defaultValue();
            String shownAfter = y.secret() ? null : y.defaultValue();
            findings.addText(
                    Rule.CONFIG_ENV_DEFAULT_CHANGED,
                    target,
                    shownBefore,
                    shownAfter,
                    "Environment variable " + name
                            + " default changed; deployments that rely on it behave differently.");
        }
        if (x.secret() != y.secret()
                || !Objects.equals(x.description(), y.description())
                || !Objects.equals(x.format(), y.format())) {
            findings.addText(
                    Rule.CONFIG_ENV_METADATA_CHANGED,
                    target,
                    null,
                    null,
                    "Environment variable " + name + " description, secret flag or format changed.");
        }
    }

    static void choices(
            @Nullable List<String> a, @Nullable List<String> b, String target, String what, Findings findings) {
        if (b == null || Objects.equals(a, b)) {
            return;
        }
        List<String> removed = a == null
                ? List.of("(any value)")
                : a.stream().filter(v -> !b.contains(v)).toList();
        if (!removed.isEmpty()) {
            findings.add(
                    Rule.CONFIG_CHOICES_NARROWED,
                    target,
                    a == null ? null : JsonValue.strings(a),
                    JsonValue.strings(b),
                    what + " no longer accepts " + String.join(", ", removed) + "; configured values may be invalid.");
        }
    }

    private static void arguments(
            List<Surface.ConfigArgument> before, List<Surface.ConfigArgument> after, Findings findings) {
        Map<String, Surface.ConfigArgument> old = SurfaceDiff.byName(before, Surface.ConfigArgument::key);
        Map<String, Surface.ConfigArgument> now = SurfaceDiff.byName(after, Surface.ConfigArgument::key);
        for (String key : CapabilityDiff.union(old.keySet(), now.keySet())) {
            Surface.ConfigArgument x = old.get(key);
            Surface.ConfigArgument y = now.get(key);
            String target = Targets.argument(key);
            if (x == null) {
                boolean required = Objects.requireNonNull(y).required();
                findings.add(
                        required ? Rule.CONFIG_ARG_REQUIRED_ADDED : Rule.CONFIG_ARG_OPTIONAL_ADDED,
                        target,
                        null,
                        JsonValue.of(key),
                        "Argument " + key + " was added"
                                + (required ? " as required; launch commands must change." : " (optional)."));
            } else if (y == null) {
                findings.add(
                        Rule.CONFIG_ARG_REMOVED,
                        target,
                        JsonValue.of(key),
                        null,
                        "Argument " + key + " was removed; launch commands that pass it may fail or be ignored.");
            } else {
                if (y.required() && !x.required()) {
                    findings.add(
                            Rule.CONFIG_ARG_REQUIRED_ADDED,
                            target,
                            JsonValue.FALSE,
                            JsonValue.TRUE,
                            "Argument " + key + " became required; launch commands must change.");
                }
                choices(x.choices(), y.choices(), target, "Argument " + key, findings);
            }
        }
    }

    private static void transports(List<String> before, List<String> after, Findings findings) {
        for (String type : before) {
            if (!after.contains(type)) {
                findings.add(
                        Rule.TRANSPORT_REMOVED,
                        Targets.transport(type),
                        JsonValue.of(type),
                        null,
                        "Transport " + type + " was removed; clients configured for it cannot connect.");
            }
        }
        for (String type : after) {
            if (!before.contains(type)) {
                findings.add(
                        Rule.TRANSPORT_ADDED,
                        Targets.transport(type),
                        null,
                        JsonValue.of(type),
                        "Transport " + type + " was added.");
            }
        }
    }
}
