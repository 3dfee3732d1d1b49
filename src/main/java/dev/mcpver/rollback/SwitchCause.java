package dev.mcpver.rollback;

import java.util.regex.Pattern;

/**
 * Why a deployment's state was switched; stored with the switch so recovery can tell which steps already happened.
 *
 * @param kind {@code activate}, {@code restore}, {@code undo}, {@code migration}, {@code migration-rollback},
 *     {@code config}
 * @param id the execution, migration or request that switched it
 */
public record SwitchCause(String kind, String id) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,31}");

    public SwitchCause {
        if (!KIND.matcher(kind).matches() || id.isBlank()) {
            throw new IllegalArgumentException("a switch cause needs a lower-case kind and an id");
        }
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
