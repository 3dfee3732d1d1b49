package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Server capabilities and protocol revisions: offered features, so removal breaks and addition does not.
 * Capabilities the spec defines are wire contracts; {@code experimental.*} and unknown keys (e.g. a client capability
 * wrongly advertised by a server) are only private agreements.
 */
final class CapabilityDiff {
    private static final Set<String> STANDARD =
            Set.of("logging", "completions", "prompts", "resources", "tools", "tasks", "extensions");
    /** Flags whose absence makes requests fail. */
    private static final Set<String> REQUEST_FLAGS =
            Set.of("resources/subscribe", "tasks/list", "tasks/cancel", "tasks/requests/tools/call");

    private CapabilityDiff() {}

    static void compare(Surface before, Surface after, Findings findings) {
        protocol(before.protocol(), after.protocol(), findings);
        JsonValue.JObject a = before.capabilities();
        JsonValue.JObject b = after.capabilities();
        if (a == null || b == null) {
            if (a != b) {
                findings.note("capabilities were captured on one side only; capability rules were skipped");
            }
            return;
        }
        for (String key : union(a.members().keySet(), b.members().keySet())) {
            topLevel(key, a.members().get(key), b.members().get(key), findings);
        }
    }

    private static void topLevel(String key, @Nullable JsonValue x, @Nullable JsonValue y, Findings findings) {
        if (Objects.equals(x, y)) {
            return;
        }
        boolean standard = STANDARD.contains(key);
        String target = Targets.capability(key);
        if (x == null || y == null) {
            if (x == null) {
                findings.add(Rule.CAPABILITY_ADDED, target, null, y, "Capability '" + key + "' is advertised now.");
            } else {
                Rule rule = standard ? Rule.CAPABILITY_REMOVED : Rule.CAPABILITY_NONSTANDARD_REMOVED;
                findings.add(
                        rule,
                        target,
                        x,
                        null,
                        "Capability '" + key + "' is no longer advertised"
                                + (standard
                                        ? "; requests it gates now fail."
                                        : "; only private agreements depended on it."));
            }
            return;
        }
        if (key.equals("extensions") || key.equals("experimental")) {
            nested(key, x, y, key.equals("extensions"), findings);
        } else {
            flags(key, x, y, standard, findings);
        }
    }

    /** {@code extensions.*} are spec-defined (removal breaks); {@code experimental.*} are not. */
    private static void nested(String key, JsonValue x, JsonValue y, boolean standard, Findings findings) {
        Map<String, JsonValue> a = members(x);
        Map<String, JsonValue> b = members(y);
        for (String name : union(a.keySet(), b.keySet())) {
            JsonValue before = a.get(name);
            JsonValue after = b.get(name);
            String target = Targets.capability(key + "/" + name);
            if (Objects.equals(before, after)) {
                continue;
            }
            if (before == null) {
                findings.add(
                        Rule.CAPABILITY_ADDED,
                        target,
                        null,
                        after,
                        "Capability " + key + "." + name + " is advertised now.");
            } else if (after == null) {
                findings.add(
                        standard ? Rule.CAPABILITY_REMOVED : Rule.CAPABILITY_NONSTANDARD_REMOVED,
                        target,
                        before,
                        null,
                        "Capability " + key + "." + name + " is no longer advertised.");
            } else {
                findings.add(
                        Rule.CAPABILITY_NONSTANDARD_REMOVED,
                        target,
                        before,
                        after,
                        "Capability " + key + "." + name + " changed its settings.");
            }
        }
    }

    /** Flags inside one capability object ({@code listChanged}, {@code subscribe}, {@code requests.tools.call}, …). */
    private static void flags(String key, JsonValue x, JsonValue y, boolean standard, Findings findings) {
        Map<String, JsonValue> a = flatten(x, "");
        Map<String, JsonValue> b = flatten(y, "");
        for (String path : union(a.keySet(), b.keySet())) {
            boolean was = truthy(a.get(path));
            boolean is = truthy(b.get(path));
            String full = key + "/" + path;
            String target = Targets.capability(full);
            if (was && !is) {
                findings.add(
                        removedFlag(full, path, standard),
                        target,
                        a.get(path),
                        b.get(path),
                        "Capability flag " + full.replace('/', '.') + " was withdrawn.");
            } else if (!was && is) {
                findings.add(
                        Rule.CAPABILITY_SUBFEATURE_ADDED,
                        target,
                        a.get(path),
                        b.get(path),
                        "Capability flag " + full.replace('/', '.') + " is advertised now.");
            } else if (!Objects.equals(a.get(path), b.get(path)) && a.containsKey(path) && b.containsKey(path)) {
                findings.add(
                        Rule.CAPABILITY_NONSTANDARD_REMOVED,
                        target,
                        a.get(path),
                        b.get(path),
                        "Capability setting " + full.replace('/', '.') + " changed.");
            }
        }
    }

    private static Rule removedFlag(String full, String path, boolean standard) {
        if (REQUEST_FLAGS.contains(full)) {
            return Rule.CAPABILITY_SUBFEATURE_REMOVED;
        }
        if (path.equals("listChanged") && standard) {
            return Rule.CAPABILITY_LIST_CHANGED_REMOVED;
        }
        return standard && full.startsWith("tasks/")
                ? Rule.CAPABILITY_SUBFEATURE_REMOVED
                : Rule.CAPABILITY_NONSTANDARD_REMOVED;
    }

    private static Map<String, JsonValue> flatten(JsonValue value, String prefix) {
        Map<String, JsonValue> flat = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonValue> member : members(value).entrySet()) {
            String path = prefix.isEmpty() ? member.getKey() : prefix + "/" + member.getKey();
            if (member.getValue() instanceof JsonValue.JObject object
                    && !object.members().isEmpty()) {
                flat.putAll(flatten(object, path));
            } else {
                flat.put(path, member.getValue());
            }
        }
        return flat;
    }

    private static Map<String, JsonValue> members(JsonValue value) {
        return value instanceof JsonValue.JObject object ? object.members() : Map.of();
    }

    /** A flag is on when present and neither false nor null (an empty object {@code {}} enables a feature). */
    private static boolean truthy(@Nullable JsonValue value) {
        return value != null && !JsonValue.FALSE.equals(value) && !(value instanceof JsonValue.JNull);
    }

    private static void protocol(Surface.ProtocolInfo a, Surface.ProtocolInfo b, Findings findings) {
        if (!a.probed() || !b.probed()) {
            if (a.probed() != b.probed()) {
                findings.note("protocol revisions were probed on one side only; protocol rules were skipped");
            }
            return;
        }
        for (String revision : a.versions()) {
            if (!b.versions().contains(revision)) {
                findings.add(
                        Rule.PROTOCOL_VERSION_DROPPED,
                        Targets.protocol(revision),
                        JsonValue.of(revision),
                        null,
                        "Protocol revision " + revision
                                + " is no longer accepted; clients that speak only it must disconnect.");
            }
        }
        for (String revision : b.versions()) {
            if (!a.versions().contains(revision)) {
                findings.add(
                        Rule.PROTOCOL_VERSION_ADDED,
                        Targets.protocol(revision),
                        null,
                        JsonValue.of(revision),
                        "Protocol revision " + revision + " is accepted now.");
            }
        }
    }

    static TreeSet<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    static List<String> sorted(Set<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
