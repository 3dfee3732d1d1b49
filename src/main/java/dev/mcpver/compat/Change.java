package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * One finding of the analyzer.
 *
 * @param rule the catalogue rule
 * @param level the level after policy overrides
 * @param consumer whom it can hurt
 * @param bump the bump it contributes after policy (strict mode, overrides)
 * @param target where: {@code tools/<name>#input/properties/x}, {@code prompts/<name>#arguments/<arg>}, {@code
 *     resources/<uri>}, {@code resourceTemplates/<uriTemplate>}, {@code capabilities/<path>}, {@code
 *     protocol/<revision>}, {@code serverInfo/<field>}, {@code instructions}, {@code config/env/<NAME>}, {@code
 *     manifest/<path>}
 * @param before the old value at the target (null when absent)
 * @param after the new value at the target (null when absent)
 * @param message one sentence for humans
 */
public record Change(
        Rule rule,
        Level level,
        Consumer consumer,
        Bump bump,
        String target,
        @Nullable JsonValue before,
        @Nullable JsonValue after,
        String message) {

    /** Report order: breaking first, then by target, rule id and message — total, so reports are deterministic. */
    public static final Comparator<Change> ORDER = Comparator.comparing(Change::level)
            .reversed()
            .thenComparing(Change::target)
            .thenComparing(c -> c.rule().id())
            .thenComparing(Change::message);

    /** A change at the rule's default level and bump. */
    public static Change of(
            Rule rule, String target, @Nullable JsonValue before, @Nullable JsonValue after, String message) {
        return new Change(rule, rule.level(), rule.consumer(), rule.bump(), target, before, after, message);
    }

    public Change with(Level newLevel, Bump newBump) {
        return new Change(rule, newLevel, consumer, newBump, target, before, after, message);
    }
}
