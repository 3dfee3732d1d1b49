package dev.mcpver.agent;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** An intent assembled from a trigger predicate and a plan function. */
record RuleIntent(
        String name,
        Set<String> requiredTools,
        List<String> examples,
        Predicate<ParsedRequest> trigger,
        Function<ParsedRequest, IntentPlan> planner)
        implements Intent {

    RuleIntent {
        requiredTools = Set.copyOf(requiredTools);
        examples = List.copyOf(examples);
    }

    @Override
    public boolean matches(ParsedRequest request) {
        return trigger.test(request);
    }

    @Override
    public IntentPlan plan(ParsedRequest request) {
        return planner.apply(request);
    }
}
