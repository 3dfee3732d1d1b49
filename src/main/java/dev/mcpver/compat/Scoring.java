package dev.mcpver.compat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * compat.md §4.2 and §4.3, version 1. Compatibility score: each item of the old surface (tools, prompts, templates,
 * listed resources) starts at 1, a breaking change sets it to 0, a potentially breaking one caps it at 0.5; category
 * means are weighted tools 0.6, prompts 0.15, templates 0.15, resources 0.1 (renormalised over the categories
 * present); every global breaking change halves the result, every global potentially breaking one multiplies it by
 * 0.9. Migration complexity: per rule id, base cost × (1 + log2 n).
 */
final class Scoring {
    static final String SCORE_FORMULA = "score = weightedMean(items of the old surface: 1, 0 if a breaking change "
            + "targets it, at most 0.5 if a potentially breaking one does; weights tools 0.6, prompts 0.15, "
            + "resourceTemplates 0.15, resources 0.1, renormalised over present categories) × 0.5^(global breaking) × "
            + "0.9^(global potentially breaking); rounded to 3 decimals";
    static final String COMPLEXITY_FORMULA = "complexity = Σ over rule ids of base × (1 + log2 n), n = changes with "
            + "that id; base: non-breaking 0, potentially breaking 0.5, rename 1, input-side breaking 1, template "
            + "removed/changed 2, output-side breaking 2, tool/prompt/capability removal or protocol drop 3; "
            + "buckets: 0 none, ≤3 low, ≤10 medium, >10 high";

    private static final Map<String, Double> WEIGHTS =
            Map.of("tools", 0.6, "prompts", 0.15, "resourceTemplates", 0.15, "resources", 0.1);
    private static final Set<String> GLOBAL =
            Set.of("capabilities", "protocol", "config", "serverInfo", "instructions", "manifest");
    private static final Set<Rule> REMOVALS =
            Set.of(Rule.TOOL_REMOVED, Rule.PROMPT_REMOVED, Rule.CAPABILITY_REMOVED, Rule.PROTOCOL_VERSION_DROPPED);
    private static final Set<Rule> TEMPLATE =
            Set.of(Rule.RESOURCE_TEMPLATE_REMOVED, Rule.RESOURCE_TEMPLATE_URI_CHANGED);

    private Scoring() {}

    /** Item values of the old surface, keyed by item ({@code tools/x}), grouped by category. */
    static Map<String, Map<String, Double>> items(Surface old, List<Change> changes) {
        Map<String, Map<String, Double>> categories = new LinkedHashMap<>();
        old.tools().items().forEach(t -> put(categories, "tools", Targets.tool(t.name())));
        old.prompts().items().forEach(p -> put(categories, "prompts", Targets.prompt(p.name())));
        old.resourceTemplates()
                .items()
                .forEach(t -> put(categories, "resourceTemplates", Targets.template(t.uriTemplate())));
        old.resources().items().forEach(r -> put(categories, "resources", Targets.resource(r.uri())));
        for (Change change : changes) {
            String item = Targets.item(change.target());
            for (Map<String, Double> values : categories.values()) {
                values.computeIfPresent(item, (k, v) -> switch (change.level()) {
                    case BREAKING -> 0.0;
                    case POTENTIALLY_BREAKING -> Math.min(v, 0.5);
                    case NON_BREAKING -> v;
                });
            }
        }
        return categories;
    }

    private static void put(Map<String, Map<String, Double>> categories, String category, String item) {
        categories.computeIfAbsent(category, k -> new TreeMap<>()).put(item, 1.0);
    }

    static double score(Surface old, List<Change> changes) {
        double weighted = 0;
        double weights = 0;
        for (Map.Entry<String, Map<String, Double>> category :
                items(old, changes).entrySet()) {
            double mean = category.getValue().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElse(1);
            double weight = WEIGHTS.getOrDefault(category.getKey(), 0.0);
            weighted += weight * mean;
            weights += weight;
        }
        double score = weights == 0 ? 1 : weighted / weights;
        for (Change change : changes) {
            if (isGlobal(change.target())) {
                score *=
                        change.level() == Level.BREAKING ? 0.5 : change.level() == Level.POTENTIALLY_BREAKING ? 0.9 : 1;
            }
        }
        return round(score, 3);
    }

    static boolean isGlobal(String target) {
        int slash = target.indexOf('/');
        return GLOBAL.contains(slash < 0 ? target : target.substring(0, slash));
    }

    /** Old tools whose value dropped below 1. */
    static int affectedTools(Surface old, List<Change> changes) {
        return (int) items(old, changes).getOrDefault("tools", Map.of()).values().stream()
                .filter(v -> v < 1)
                .count();
    }

    static double complexity(List<Change> changes) {
        Map<Rule, Integer> counts = new TreeMap<>();
        changes.forEach(c -> counts.merge(c.rule(), 1, Integer::sum));
        double total = 0;
        for (Map.Entry<Rule, Integer> entry : counts.entrySet()) {
            Level level = changes.stream()
                    .filter(c -> c.rule() == entry.getKey())
                    .map(Change::level)
                    .max(Level::compareTo)
                    .orElse(Level.NON_BREAKING);
            total += base(entry.getKey(), level) * (1 + Math.log(entry.getValue()) / Math.log(2));
        }
        return round(total, 2);
    }

    private static double base(Rule rule, Level level) {
        if (level == Level.NON_BREAKING) {
            return 0;
        }
        if (level == Level.POTENTIALLY_BREAKING) {
            return 0.5;
        }
        if (REMOVALS.contains(rule)) {
            return 3;
        }
        if (rule == Rule.TOOL_RENAMED || rule == Rule.PROMPT_RENAMED) {
            return 1;
        }
        if (TEMPLATE.contains(rule) || rule.id().startsWith("tool-output-")) {
            return 2;
        }
        return 1;
    }

    static String bucket(double complexity) {
        if (complexity == 0) {
            return "none";
        }
        return complexity <= 3 ? "low" : complexity <= 10 ? "medium" : "high";
    }

    static String level(double score, int breaking, int potentiallyBreaking) {
        if (breaking == 0 && potentiallyBreaking == 0) {
            return "fully";
        }
        return score >= 0.8 ? "mostly" : score >= 0.5 ? "partially" : "incompatible";
    }

    static double round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }
}
