package dev.mcpver.abtest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an operator asks for when creating an experiment (validated; defaults from {@code abtest.md} §2).
 *
 * @param name unique, human-chosen name ({@code search-tool-1.1})
 * @param mcpId the MCP server under test
 * @param variants two or more arms with distinct keys, in declaration order
 * @param control key of the arm every other arm (treatment) is compared with
 * @param metrics one or more metrics with distinct names; exactly one is primary. The first one also counts the
 *     samples for the SRM check
 * @param alpha significance level, also 1 − CI level (default 0.05)
 * @param srmAlpha threshold of the sample-ratio-mismatch test (default 0.001)
 * @param minSamplesPerVariant no decision other than halt before every arm has this many samples (default 100)
 * @param sequential the sequential test's settings
 * @param autoPromote when the decision is promote, stop the experiment with the winner without asking
 */
public record ExperimentSpec(
        String name,
        String mcpId,
        List<VariantSpec> variants,
        String control,
        List<MetricSpec> metrics,
        double alpha,
        double srmAlpha,
        int minSamplesPerVariant,
        SequentialSpec sequential,
        boolean autoPromote) {
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_SRM_ALPHA = 0.001;
    public static final int DEFAULT_MIN_SAMPLES = 100;
    static final int MAX_VARIANTS = 26;
    static final int MAX_METRICS = 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/@+-]{0,127}");

    public ExperimentSpec {
        variants = List.copyOf(variants);
        metrics = List.copyOf(metrics);
        requireMatch("name", name, NAME, "[A-Za-z0-9][A-Za-z0-9_.:/@+-]{0,127}");
        requireMatch("mcpId", mcpId, NAME, "[A-Za-z0-9][A-Za-z0-9_.:/@+-]{0,127}");
        validateVariants(variants, control);
        validateMetrics(metrics);
        requireProbability("alpha", alpha);
        requireProbability("srmAlpha", srmAlpha);
        if (minSamplesPerVariant < 2) {
            throw new InvalidExperimentException(
                    "minSamplesPerVariant", "must be at least 2, got " + minSamplesPerVariant);
        }
    }

    /**
     * Resolves roles left out: when no metric claims {@code primary}, the first metric without a role becomes
     * primary; every other metric without a role is secondary.
     */
    public static List<MetricRole> defaultRoles(List<@Nullable MetricRole> declared) {
        boolean primaryDeclared = declared.contains(MetricRole.PRIMARY);
        List<MetricRole> roles = new ArrayList<>();
        for (MetricRole role : declared) {
            if (role != null) {
                roles.add(role);
            } else if (!primaryDeclared) {
                roles.add(MetricRole.PRIMARY);
                primaryDeclared = true;
            } else {
                roles.add(MetricRole.SECONDARY);
            }
        }
        return roles;
    }

    public VariantSpec controlVariant() {
        return variant(control).orElseThrow();
    }

    /** The arms compared with the control, in declaration order. */
    public List<VariantSpec> treatments() {
        return variants.stream().filter(v -> !v.key().equals(control)).toList();
    }

    public MetricSpec primaryMetric() {
        return metrics.stream()
                .filter(m -> m.role() == MetricRole.PRIMARY)
                .findFirst()
                .orElseThrow();
    }

    /** The metric whose observation counts feed the SRM check: the first declared. */
    public MetricSpec srmMetric() {
        return metrics.get(0);
    }

    public Optional<VariantSpec> variant(String key) {
        return variants.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    public Optional<MetricSpec> metric(String metricName) {
        return metrics.stream().filter(m -> m.name().equals(metricName)).findFirst();
    }

    public int variantIndex(String key) {
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public int metricIndex(String metricName) {
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i).name().equals(metricName)) {
                return i;
            }
        }
        return -1;
    }

    /** The same experiment with new weights (same keys, same order); used when traffic is re-split. */
    public ExperimentSpec withVariants(List<VariantSpec> newVariants) {
        return new ExperimentSpec(
                name,
                mcpId,
                newVariants,
                control,
                metrics,
                alpha,
                srmAlpha,
                minSamplesPerVariant,
                sequential,
                autoPromote);
    }

    private static void validateVariants(List<VariantSpec> variants, String control) {
        if (variants.size() < 2 || variants.size() > MAX_VARIANTS) {
            throw new InvalidExperimentException(
                    "variants", "must list between 2 and " + MAX_VARIANTS + " variants, got " + variants.size());
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            if (!keys.add(variants.get(i).key())) {
                throw new InvalidExperimentException(
                        "variants/" + i + "/key",
                        "duplicate variant key \"" + variants.get(i).key() + "\"");
            }
        }
        double total = variants.stream().mapToDouble(VariantSpec::weight).sum();
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).weight() / total < 1e-6) {
                throw new InvalidExperimentException(
                        "variants/" + i + "/weight", "is below one millionth of the total weight");
            }
        }
        if (!keys.contains(control)) {
            throw new InvalidExperimentException(
                    "control",
                    "\"" + control + "\" is not one of the variant keys "
                            + keys.stream().sorted().toList());
        }
    }

    private static void validateMetrics(List<MetricSpec> metrics) {
        if (metrics.isEmpty() || metrics.size() > MAX_METRICS) {
            throw new InvalidExperimentException(
                    "metrics", "must list between 1 and " + MAX_METRICS + " metrics, got " + metrics.size());
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            if (!names.add(metrics.get(i).name())) {
                throw new InvalidExperimentException(
                        "metrics/" + i + "/name",
                        "duplicate metric name \"" + metrics.get(i).name() + "\"");
            }
        }
        long primaries =
                metrics.stream().filter(m -> m.role() == MetricRole.PRIMARY).count();
        if (primaries != 1) {
            throw new InvalidExperimentException(
                    "metrics", "exactly one metric must have role \"primary\", found " + primaries);
        }
    }

    private static void requireMatch(String field, String value, Pattern pattern, String shape) {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidExperimentException(field, "must match " + shape + ", got \"" + value + "\"");
        }
    }

    private static void requireProbability(String field, double value) {
        if (!(value > 0 && value < 1)) {
            throw new InvalidExperimentException(field, "must be between 0 and 1 (exclusive), got " + value);
        }
    }
}
