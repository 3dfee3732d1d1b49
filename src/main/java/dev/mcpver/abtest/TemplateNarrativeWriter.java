package dev.mcpver.abtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The offline narrative: deterministic sentences built from the analysis. Used when no model is configured, and
 * whenever a model's drafts contradict the decision.
 */
public final class TemplateNarrativeWriter implements NarrativeWriter {
    public static final String NAME = "template";

    @Override
    public NarrativeDraft write(Request request) {
        Analysis analysis = request.analysis();
        List<String> sentences = new ArrayList<>();
        sentences.add(headline(analysis));
        sentences.add(srm(analysis.srm()));
        for (Analysis.MetricResult metric : analysis.metrics()) {
            if (metric.role() != MetricRole.SECONDARY) {
                metric.comparisons().forEach(c -> sentences.add(comparison(metric, c, analysis.alpha())));
            }
        }
        sentences.add("The action follows the always-valid sequential (mSPRT) test; fixed-horizon p-values are"
                + " reported for context only.");
        return new NarrativeDraft(analysis.decision().action(), String.join(" ", sentences), NAME);
    }

    private static String headline(Analysis analysis) {
        Decision decision = analysis.decision();
        String why = String.join(", ", decision.reasons());
        switch (decision.action()) {
            case PROMOTE:
                return "Decision: promote " + decision.winner() + " (" + why + ").";
            case ROLLBACK:
                return "Decision: rollback to the control " + decision.winner() + " (" + why + ").";
            case HALT:
                return "Decision: halt. The traffic split does not match the configured weights (" + why
                        + "), so the data cannot be trusted until the routing is fixed.";
            default:
                return "Decision: continue collecting data (" + why + ").";
        }
    }

    private static String srm(Analysis.Srm srm) {
        return "Samples per variant " + srm.counts() + ", sample-ratio check p = " + number(srm.pValue())
                + (srm.mismatch() ? " (mismatch)." : " (no mismatch).");
    }

    private static String comparison(Analysis.MetricResult metric, Analysis.Comparison c, double alpha) {
        String lift = c.relativeLift() == null
                ? "relative change undefined"
                : String.format(Locale.ROOT, "relative change %+.2f%%", 100 * c.relativeLift());
        return String.format(
                Locale.ROOT,
                "%s %s (%s, %s) for %s vs %s: difference %s, %s, sequential p = %s (alpha %s)%s.",
                capitalise(metric.role().wireName()),
                metric.name(),
                metric.kind().wireName(),
                metric.direction().wireName().replace('_', ' '),
                c.treatment(),
                c.control(),
                number(c.diff()),
                lift,
                number(c.sequential().pValue()),
                number(alpha),
                c.warnings().isEmpty() ? "" : "; notes: " + c.warnings());
    }

    private static String number(@Nullable Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4g", value);
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
