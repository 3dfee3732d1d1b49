package dev.mcpver.migrate;

import java.util.Locale;

/**
 * One change between two surfaces, in the shape of the compatibility feature's report ({@code compat.md} §3).
 *
 * @param rule rule id such as {@code tool-removed} or {@code tool-input-required-property-added}
 * @param level breaking, potentially breaking or non-breaking
 * @param target where: {@code tools/<name>}, {@code tools/<name>#input/properties/<p>}, {@code config/env/<NAME>}
 * @param message one sentence for humans
 */
public record CompatFinding(String rule, Level level, String target, String message) {
    /** Severity, ordered. */
    public enum Level {
        NON_BREAKING,
        POTENTIALLY_BREAKING,
        BREAKING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The tool a {@code tools/<name>…} target names, or empty. */
    public String toolName() {
        if (!target.startsWith("tools/")) {
            return "";
        }
        String rest = target.substring("tools/".length());
        int hash = rest.indexOf('#');
        return hash < 0 ? rest : rest.substring(0, hash);
    }
}
