package dev.mcpver.abtest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The full analysis of an experiment, field for field the JSON of {@code abtest.md} §3. Undefined numbers are
 * {@code null} (never NaN or infinity) and each comparison says why in {@code warnings}.
 *
 * @param experimentId the experiment
 * @param status its status when analysed
 * @param alpha significance level (CI level 1 − alpha)
 * @param control the control's key
 * @param srm the sample-ratio-mismatch check
 * @param metrics one entry per metric, in declaration order
 * @param decision what the statistics say to do
 */
public record Analysis(
        String experimentId,
        ExperimentStatus status,
        double alpha,
        String control,
        Srm srm,
        List<MetricResult> metrics,
        Decision decision) {
    public Analysis {
        metrics = List.copyOf(metrics);
    }

    /**
     * Pearson χ² of per-variant counts (observations of the first metric; empty arms count as 0) against the
     * configured weights.
     *
     * @param counts per variant key, declaration order
     * @param expected expected share per variant key (sums to 1)
     * @param chi2 the statistic; null when there are no observations at all
     * @param df k − 1
     * @param pValue null when there are no observations at all
     * @param mismatch {@code pValue < srmAlpha}
     */
    public record Srm(
            Map<String, Long> counts,
            Map<String, Double> expected,
            @Nullable Double chi2,
            int df,
            @Nullable Double pValue,
            boolean mismatch) {
        public Srm {
            counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
            expected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expected));
        }
    }

    /** One metric: per-variant statistics and one comparison per treatment. */
    public record MetricResult(
            String name,
            MetricKind kind,
            Direction direction,
            MetricRole role,
            List<VariantStats> variants,
            List<Comparison> comparisons) {
        public MetricResult {
            variants = List.copyOf(variants);
            comparisons = List.copyOf(comparisons);
        }
    }

    /** n, mean (null when n = 0) and ddof-1 standard deviation (null when n &lt; 2) of one arm. */
    public record VariantStats(
            String key,
            String version,
            long n,
            @Nullable Double mean,
            @Nullable Double stddev) {}

    /**
     * Treatment versus control on one metric.
     *
     * @param diff {@code mean(T) − mean(C)}
     * @param ciLow lower bound of the diff's CI (Welch t for continuous, Newcombe for binary)
     * @param ciHigh upper bound
     * @param relativeLift {@code mean(T)/mean(C) − 1}; null when the control mean is 0
     * @param liftCiLow delta-method bound
     * @param liftCiHigh delta-method bound
     * @param pValue fixed-horizon p of the primary test (Welch or two-proportion z): shown, never decides
     * @param pValueAdjusted Holm across the metric's treatments
     * @param significant {@code pValueAdjusted < alpha} (false when it is null)
     * @param welch continuous metrics, when defined
     * @param mannWhitney continuous metrics, when both arms have data
     * @param proportions binary metrics, when defined
     * @param sequential the always-valid p that drives decisions
     * @param warnings why anything above is null
     */
    public record Comparison(
            String control,
            String treatment,
            @Nullable Double diff,
            @Nullable Double ciLow,
            @Nullable Double ciHigh,
            @Nullable Double relativeLift,
            @Nullable Double liftCiLow,
            @Nullable Double liftCiHigh,
            @Nullable Double pValue,
            @Nullable Double pValueAdjusted,
            boolean significant,
            @Nullable Welch welch,
            @Nullable MannWhitney mannWhitney,
            @Nullable Proportions proportions,
            Sequential sequential,
            List<Warning> warnings) {
        public Comparison {
            warnings = List.copyOf(warnings);
        }
    }

    /** Welch t statistic, Welch–Satterthwaite df, two-sided p. */
    public record Welch(double t, double df, double pValue) {}

    /** The treatment's U and the asymptotic two-sided p (null when every value is tied). */
    public record MannWhitney(double u, @Nullable Double pValue) {}

    /** Pooled two-proportion z and its two-sided p. */
    public record Proportions(double z, double pValue) {}

    /**
     * The mSPRT always-valid p: running minimum across analyses, and Holm across treatments.
     *
     * @param method {@code msprt}
     */
    public record Sequential(
            String method,
            @Nullable Double pValue,
            @Nullable Double pValueAdjusted) {}

    /** The metric result by name. */
    public java.util.Optional<MetricResult> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
