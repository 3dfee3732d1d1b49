package dev.mcpver.abtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Analyses one experiment: SRM, per-metric statistics, Holm across treatments, the sequential p-values and the
 * decision. Stateless and thread-safe.
 *
 * <pre>{@code
 * Analysis full = Analyzer.analyze(input, samples);   // with Mann-Whitney (reads raw values)
 * Analysis quick = Analyzer.analyze(input, null);     // aggregates only: O(variants × metrics)
 * }</pre>
 *
 * The decision is the same either way: it reads only aggregates and sequential p-values.
 */
public final class Analyzer {
    private Analyzer() {}

    /**
     * @param samples raw values for the rank test, or null to skip it ({@code mannWhitney} is then null)
     */
    public static Analysis analyze(AnalysisInput input, @Nullable SampleSource samples) {
        ExperimentSpec spec = input.spec();
        Analysis.Srm srm = srm(input);
        List<Analysis.MetricResult> metrics = new ArrayList<>();
        for (MetricSpec metric : spec.metrics()) {
            metrics.add(metric(input, metric, samples));
        }
        Decision decision = DecisionRule.decide(spec, srm, metrics);
        return new Analysis(input.experimentId(), input.status(), spec.alpha(), spec.control(), srm, metrics, decision);
    }

    /** The sequential p-values of an analysis, to store as the new running minima. */
    public static Map<SeriesKey, Double> sequentialMinima(Analysis analysis) {
        Map<SeriesKey, Double> minima = new HashMap<>();
        for (Analysis.MetricResult metric : analysis.metrics()) {
            for (Analysis.Comparison comparison : metric.comparisons()) {
                Double p = comparison.sequential().pValue();
                if (p != null) {
                    minima.put(new SeriesKey(metric.name(), comparison.treatment()), p);
                }
            }
        }
        return minima;
    }

    static Analysis.Srm srm(AnalysisInput input) {
        ExperimentSpec spec = input.spec();
        List<VariantSpec> variants = spec.variants();
        long[] counts = new long[variants.size()];
        double[] shares = new double[variants.size()];
        Map<String, Long> countByKey = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            String key = variants.get(i).key();
            counts[i] = input.moments(spec.srmMetric().name(), key).n();
            shares[i] = input.expectedShares().getOrDefault(key, 0.0);
            countByKey.put(key, counts[i]);
        }
        AbStats.SrmTest test = AbStats.srm(counts, shares);
        boolean mismatch = test.pValue() != null && test.pValue() < spec.srmAlpha();
        return new Analysis.Srm(countByKey, input.expectedShares(), test.chi2(), test.df(), test.pValue(), mismatch);
    }

    private static Analysis.MetricResult metric(
            AnalysisInput input, MetricSpec metric, @Nullable SampleSource samples) {
        ExperimentSpec spec = input.spec();
        Comparisons.Arm control = arm(input, metric, spec.control(), samples);
        List<ComparisonDraft> drafts = new ArrayList<>();
        for (VariantSpec treatment : spec.treatments()) {
            Comparisons.Arm arm = arm(input, metric, treatment.key(), samples);
            Double stored = input.sequentialMinima().get(new SeriesKey(metric.name(), treatment.key()));
            double tau = spec.sequential().tau();
            drafts.add(
                    metric.kind() == MetricKind.BINARY
                            ? Comparisons.binary(control, arm, spec.alpha(), tau, stored)
                            : Comparisons.continuous(control, arm, spec.alpha(), tau, stored));
        }
        return new Analysis.MetricResult(
                metric.name(),
                metric.kind(),
                metric.direction(),
                metric.role(),
                variantStats(input, metric),
                adjust(drafts, spec));
    }

    private static List<Analysis.Comparison> adjust(List<ComparisonDraft> drafts, ExperimentSpec spec) {
        List<@Nullable Double> fixed = new ArrayList<>();
        List<@Nullable Double> sequential = new ArrayList<>();
        for (ComparisonDraft draft : drafts) {
            fixed.add(draft.pValue);
            sequential.add(draft.sequentialP);
        }
        List<@Nullable Double> fixedAdjusted = AbStats.holm(fixed);
        List<@Nullable Double> sequentialAdjusted = AbStats.holm(sequential);
        List<Analysis.Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            comparisons.add(drafts.get(i)
                    .finish(spec.sequential().method(), fixedAdjusted.get(i), sequentialAdjusted.get(i), spec.alpha()));
        }
        return comparisons;
    }

    private static Comparisons.Arm arm(
            AnalysisInput input, MetricSpec metric, String variant, @Nullable SampleSource samples) {
        Moments moments = input.moments(metric.name(), variant);
        double[] sorted = null;
        if (samples != null && metric.kind() == MetricKind.CONTINUOUS) {
            sorted = samples.values(new SeriesKey(metric.name(), variant));
            Arrays.sort(sorted);
        }
        return new Comparisons.Arm(variant, moments, sorted);
    }

    private static List<Analysis.VariantStats> variantStats(AnalysisInput input, MetricSpec metric) {
        List<Analysis.VariantStats> stats = new ArrayList<>();
        for (VariantSpec variant : input.spec().variants()) {
            Moments m = input.moments(metric.name(), variant.key());
            stats.add(new Analysis.VariantStats(
                    variant.key(), variant.version(), m.n(), m.n() == 0 ? null : mean(metric, m), stddev(metric, m)));
        }
        return stats;
    }

    private static double mean(MetricSpec metric, Moments m) {
        return metric.kind() == MetricKind.BINARY ? (double) m.successes() / m.n() : m.mean();
    }

    /** For binary series from the exact count: {@code sqrt(x(n−x)/(n(n−1)))}. */
    private static @Nullable Double stddev(MetricSpec metric, Moments m) {
        if (m.n() < 2) {
            return null;
        }
        if (metric.kind() == MetricKind.BINARY) {
            double x = m.successes();
            return Math.sqrt(x * (m.n() - x) / ((double) m.n() * (m.n() - 1)));
        }
        return m.stddev();
    }
}
