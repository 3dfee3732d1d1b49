package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonObjectBuilder;
import dev.mcpver.compat.json.JsonValue;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How to judge changes: per-rule overrides of level and bump (or {@code off}), per-target level overrides (a
 * reviewer's verdict, e.g. that a description edit changes semantics), a consumer filter (buf-style categories),
 * strict mode (potentially breaking counts as major) and explicit rename hints.
 *
 * <p>JSON form (every member optional):
 *
 * <pre>{@code
 * {"consumers": "wire" | "wire+agent" | "all",
 *  "strict": false,
 *  "rules": {"tool-input-pattern-changed": "breaking", "tool-order-changed": "off",
 *            "tool-deprecated": {"level": "non_breaking", "bump": "patch"}},
 *  "targets": {"tools/search#description": "potentially_breaking"},
 *  "renames": {"old_tool": "new_tool"}}
 * }</pre>
 */
public record Policy(
        Map<Rule, Override> rules,
        Map<String, Level> targets,
        Consumers consumers,
        boolean strict,
        Map<String, String> renames) {

    public static final Policy DEFAULT = new Policy(Map.of(), Map.of(), Consumers.ALL, false, Map.of());

    public Policy {
        rules = Collections.unmodifiableMap(new TreeMap<>(rules));
        targets = Collections.unmodifiableMap(new TreeMap<>(targets));
        renames = Collections.unmodifiableMap(new TreeMap<>(renames));
    }

    /**
     * A rule override.
     *
     * @param level new level, or null to keep the rule's
     * @param bump new bump, or null to derive it from the level
     * @param off drop the rule's findings entirely
     */
    public record Override(@Nullable Level level, @Nullable Bump bump, boolean off) {}

    /** Which consumers' changes count. */
    public enum Consumers {
        WIRE("wire"),
        WIRE_AGENT("wire+agent"),
        ALL("all");

        private final String wireName;

        Consumers(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public boolean includes(Consumer consumer) {
            return this == ALL || consumer == Consumer.WIRE || (this == WIRE_AGENT && consumer == Consumer.AGENT);
        }

        static Optional<Consumers> fromWire(String name) {
            for (Consumers value : values()) {
                if (value.wireName.equals(name)) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        }
    }

    /** The change as this policy judges it; empty when filtered out or switched off. */
    public Optional<Change> apply(Change change) {
        if (!consumers.includes(change.consumer())) {
            return Optional.empty();
        }
        Override override = rules.get(change.rule());
        if (override != null && override.off()) {
            return Optional.empty();
        }
        Level level = change.rule().level();
        Bump bump = null;
        if (override != null) {
            level = override.level() != null ? override.level() : level;
            bump = override.bump();
        }
        Level byTarget = targets.get(change.target());
        if (byTarget != null) {
            level = byTarget;
            bump = null;
        }
        return Optional.of(change.with(level, bump != null ? bump : bumpFor(change.rule(), level)));
    }

    /** The rule's own bump at its own level; otherwise the level's default (strict: potentially breaking = major). */
    private Bump bumpFor(Rule rule, Level level) {
        if (level == Level.POTENTIALLY_BREAKING && strict) {
            return Bump.MAJOR;
        }
        if (level == rule.level()) {
            return rule.bump();
        }
        return switch (level) {
            case BREAKING -> Bump.MAJOR;
            case POTENTIALLY_BREAKING -> Bump.MINOR;
            case NON_BREAKING -> Bump.PATCH;
        };
    }

    /** Reads a policy object; errors name the JSON pointer below {@code pointer}. */
    public static Policy parse(JsonValue json, String pointer) {
        if (json instanceof JsonValue.JNull) {
            return DEFAULT;
        }
        ObjectReader reader = ObjectReader.of(json, pointer);
        Consumers consumers = reader.string("consumers")
                .map(name -> Consumers.fromWire(name)
                        .orElseThrow(() -> new SurfaceException(
                                reader.at("consumers"),
                                "expected \"wire\", \"wire+agent\" or \"all\", found \"" + name + "\"")))
                .orElse(Consumers.ALL);
        return new Policy(
                overrides(reader),
                targets(reader),
                consumers,
                reader.bool("strict", false),
                reader.stringMap("renames"));
    }

    private static Map<Rule, Override> overrides(ObjectReader reader) {
        Map<Rule, Override> overrides = new TreeMap<>();
        Optional<ObjectReader> rules = reader.object("rules");
        if (rules.isEmpty()) {
            return overrides;
        }
        for (Map.Entry<String, JsonValue> entry : rules.get().object().members().entrySet()) {
            String at = rules.get().at(entry.getKey());
            Rule rule = Rule.byId(entry.getKey())
                    .orElseThrow(() -> new SurfaceException(at, "unknown rule id '" + entry.getKey() + "'"));
            overrides.put(rule, override(entry.getValue(), at));
        }
        return overrides;
    }

    private static Override override(JsonValue value, String at) {
        if (value instanceof JsonValue.JString text) {
            return text.value().equals("off")
                    ? new Override(null, null, true)
                    : new Override(level(text.value(), at), null, false);
        }
        ObjectReader object = ObjectReader.of(value, at);
        Level level = object.string("level")
                .map(name -> level(name, object.at("level")))
                .orElse(null);
        Bump bump = object.string("bump")
                .map(name -> Bump.fromWire(name)
                        .filter(b -> b != Bump.DECREASE)
                        .orElseThrow(() -> new SurfaceException(
                                object.at("bump"), "expected major, minor, patch or none, found \"" + name + "\"")))
                .orElse(null);
        return new Override(level, bump, object.bool("off", false));
    }

    private static Level level(String name, String at) {
        return Level.fromWire(name)
                .orElseThrow(() -> new SurfaceException(
                        at, "expected breaking, potentially_breaking, non_breaking or off, found \"" + name + "\""));
    }

    private static Map<String, Level> targets(ObjectReader reader) {
        Map<String, Level> targets = new TreeMap<>();
        reader.stringMap("targets")
                .forEach((target, name) -> targets.put(
                        target,
                        level(name, reader.at("targets") + "/" + dev.mcpver.compat.json.JsonPointer.escape(target))));
        return targets;
    }

    /** The policy as JSON (canonical member order), echoed in reports and part of the cache key. */
    public JsonValue.JObject toJson() {
        JsonObjectBuilder ruleOverrides = JsonObjectBuilder.object();
        rules.forEach((rule, o) -> ruleOverrides.put(
                rule.id(),
                o.off()
                        ? JsonValue.of("off")
                        : JsonObjectBuilder.object()
                                .putIfPresent(
                                        "level",
                                        o.level() == null ? null : o.level().wireName())
                                .putIfPresent(
                                        "bump",
                                        o.bump() == null ? null : o.bump().wireName())
                                .build()));
        JsonObjectBuilder targetLevels = JsonObjectBuilder.object();
        targets.forEach((target, level) -> targetLevels.put(target, level.wireName()));
        JsonObjectBuilder renameHints = JsonObjectBuilder.object();
        renames.forEach(renameHints::put);
        return JsonObjectBuilder.object()
                .put("consumers", consumers.wireName())
                .put("strict", strict)
                .put("rules", ruleOverrides.build())
                .put("targets", targetLevels.build())
                .put("renames", renameHints.build())
                .build();
    }
}
