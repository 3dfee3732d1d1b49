package dev.mcpver.surface;

import dev.mcpver.compat.Level;
import dev.mcpver.compat.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rule catalogue as plain data for JSON doors. */
public final class RuleCatalogue {
    private RuleCatalogue() {}

    /** The rule catalogue as JSON: id, level, consumer, default bump, whether it extends compat.md, summary. */
    public static Map<String, Object> json() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", rule.id());
            entry.put("level", rule.level().wireName());
            entry.put("consumer", rule.consumer().wireName());
            entry.put("bump", rule.bump().wireName());
            entry.put("extension", rule.extension());
            entry.put("summary", rule.summary());
            rules.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rules", rules);
        body.put("versionPolicyFindings", Rule.VERSION_POLICY_FINDINGS);
        body.put(
                "levels",
                List.of(
                        Level.BREAKING.wireName(),
                        Level.POTENTIALLY_BREAKING.wireName(),
                        Level.NON_BREAKING.wireName()));
        return body;
    }
}
