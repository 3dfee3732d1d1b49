package dev.mcpver.abtest;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code abtest.md} §2.2, in order: SRM → halt; too few samples → continue; a tripped guardrail → rollback; a
 * significantly better treatment on the primary metric → promote; every treatment significantly worse →
 * rollback; otherwise continue. Only sequential (always-valid) p-values are read here.
 */
final class DecisionRule {
    private DecisionRule() {}

    static Decision decide(ExperimentSpec spec, Analysis.Srm srm, List<Analysis.MetricResult> metrics) {
        if (srm.mismatch()) {
            return Decision.of(Action.HALT, null, "SRM");
        }
        if (srm.counts().values().stream().anyMatch(count -> count < spec.minSamplesPerVariant())) {
            return Decision.of(Action.CONTINUE, null, "INSUFFICIENT_SAMPLE");
        }
        List<String> tripped = trippedGuardrails(spec, metrics);
        if (!tripped.isEmpty()) {
            return new Decision(Action.ROLLBACK, spec.control(), tripped);
        }
        Analysis.MetricResult primary = metrics.stream()
                .filter(m -> m.role() == MetricRole.PRIMARY)
                .findFirst()
                .orElseThrow();
        return primary(spec, primary);
    }

    private static List<String> trippedGuardrails(ExperimentSpec spec, List<Analysis.MetricResult> metrics) {
        List<String> reasons = new ArrayList<>();
        for (Analysis.MetricResult metric : metrics) {
            if (metric.role() != MetricRole.GUARDRAIL) {
                continue;
            }
            double threshold = spec.metric(metric.name()).orElseThrow().guardrailThreshold();
            for (Analysis.Comparison comparison : metric.comparisons()) {
                if (trips(comparison, metric.direction(), threshold, spec.alpha())) {
                    reasons.add("GUARDRAIL:" + metric.name() + ":" + comparison.treatment());
                }
            }
        }
        return reasons;
    }

    /** Unadjusted sequential p below alpha, harmful sign, and a relative change beyond the threshold. */
    private static boolean trips(Analysis.Comparison c, Direction direction, double threshold, double alpha) {
        Double p = c.sequential().pValue();
        Double diff = c.diff();
        if (p == null || diff == null || !(p < alpha) || !(direction.improvement(diff) < 0)) {
            return false;
        }
        Double lift = c.relativeLift();
        return lift == null || Math.abs(lift) > threshold;
    }

    private static Decision primary(ExperimentSpec spec, Analysis.MetricResult primary) {
        Analysis.Comparison best = null;
        double bestImprovement = 0;
        int worse = 0;
        for (Analysis.Comparison c : primary.comparisons()) {
            Double improvement = significantImprovement(c, primary.direction(), spec.alpha());
            if (improvement == null) {
                continue;
            }
            if (improvement > bestImprovement) {
                best = c;
                bestImprovement = improvement;
            } else if (improvement < 0) {
                worse++;
            }
        }
        if (best != null) {
            return Decision.of(Action.PROMOTE, best.treatment(), "PRIMARY_IMPROVED:" + best.treatment());
        }
        if (worse > 0 && worse == primary.comparisons().size()) {
            return Decision.of(Action.ROLLBACK, spec.control(), "PRIMARY_REGRESSION");
        }
        return Decision.of(Action.CONTINUE, null, "NOT_SIGNIFICANT");
    }

    /** The signed improvement of a comparison whose adjusted sequential p is below alpha; else null. */
    private static @Nullable Double significantImprovement(Analysis.Comparison c, Direction direction, double alpha) {
        Double adjusted = c.sequential().pValueAdjusted();
        Double diff = c.diff();
        if (adjusted == null || diff == null || !(adjusted < alpha)) {
            return null;
        }
        return direction.improvement(diff);
    }
}
