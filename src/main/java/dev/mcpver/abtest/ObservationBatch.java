package dev.mcpver.abtest;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated batch of observations for one experiment, stored column-wise (variant index, metric index, value)
 * so a batch of thousands costs three arrays, not thousands of objects. Every observation names a declared
 * variant and metric, has a finite value, and is 0 or 1 for a binary metric; the batch is accepted or refused as
 * a whole.
 */
public final class ObservationBatch {
    /** Largest batch accepted in one request. */
    public static final int MAX_SIZE = 100_000;

    private final ExperimentSpec spec;
    private final int[] variants;
    private final int[] metrics;
    private final double[] values;

    private ObservationBatch(ExperimentSpec spec, int[] variants, int[] metrics, double[] values) {
        this.spec = spec;
        this.variants = variants;
        this.metrics = metrics;
        this.values = values;
    }

    public static Builder builder(ExperimentSpec spec) {
        return new Builder(spec);
    }

    public int size() {
        return values.length;
    }

    /** Index into {@code spec.variants()} of observation {@code i}. */
    public int variant(int i) {
        return variants[i];
    }

    /** Index into {@code spec.metrics()} of observation {@code i}. */
    public int metric(int i) {
        return metrics[i];
    }

    public double value(int i) {
        return values[i];
    }

    public ExperimentSpec spec() {
        return spec;
    }

    /** The batch's own aggregate per series it touches (counting sort by series, then Welford per series). */
    public Map<SeriesKey, Moments> moments() {
        int width = spec.metrics().size();
        int[] counts = new int[spec.variants().size() * width];
        for (int i = 0; i < values.length; i++) {
            counts[variants[i] * width + metrics[i]]++;
        }
        int[] offsets = new int[counts.length + 1];
        for (int s = 0; s < counts.length; s++) {
            offsets[s + 1] = offsets[s] + counts[s];
        }
        int[] cursor = Arrays.copyOf(offsets, counts.length);
        double[] grouped = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            grouped[cursor[variants[i] * width + metrics[i]]++] = values[i];
        }
        Map<SeriesKey, Moments> moments = new LinkedHashMap<>();
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > 0) {
                SeriesKey key = new SeriesKey(
                        spec.metrics().get(s % width).name(),
                        spec.variants().get(s / width).key());
                moments.put(key, Moments.of(grouped, offsets[s], offsets[s + 1]));
            }
        }
        return moments;
    }

    /** SHA-256 of the batch's content: a retried request with the same idempotency key must carry the same batch. */
    public String sha256() {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 16);
        for (int i = 0; i < values.length; i++) {
            buffer.putInt(variants[i]).putInt(metrics[i]).putLong(Double.doubleToLongBits(values[i]));
        }
        return HexFormat.of().formatHex(sha256Digest().digest(buffer.array()));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    /** Collects and validates observations one by one; not thread-safe. */
    public static final class Builder {
        private final ExperimentSpec spec;
        private final Map<String, Integer> variantIndex = new HashMap<>();
        private final Map<String, Integer> metricIndex = new HashMap<>();
        private int[] variants = new int[256];
        private int[] metrics = new int[256];
        private double[] values = new double[256];
        private int size;

        private Builder(ExperimentSpec spec) {
            this.spec = spec;
            for (int i = 0; i < spec.variants().size(); i++) {
                variantIndex.put(spec.variants().get(i).key(), i);
            }
            for (int i = 0; i < spec.metrics().size(); i++) {
                metricIndex.put(spec.metrics().get(i).name(), i);
            }
        }

        /** Adds observation number {@link #size()}; complaints point at {@code observations/<n>/<field>}. */
        public Builder add(String variant, String metric, double value) {
            String at = "observations/" + size;
            if (size >= MAX_SIZE) {
                throw new InvalidExperimentException("observations", "a batch holds at most " + MAX_SIZE);
            }
            Integer v = variantIndex.get(variant);
            if (v == null) {
                throw new InvalidExperimentException(
                        at + "/variant",
                        "unknown variant \"" + variant + "\"; known: "
                                + spec.variants().stream().map(VariantSpec::key).toList());
            }
            Integer m = metricIndex.get(metric);
            if (m == null) {
                throw new InvalidExperimentException(
                        at + "/metric",
                        "unknown metric \"" + metric + "\"; known: "
                                + spec.metrics().stream().map(MetricSpec::name).toList());
            }
            requireValid(at, spec.metrics().get(m), value);
            grow();
            variants[size] = v;
            metrics[size] = m;
            values[size] = value + 0.0; // -0.0 becomes 0.0: ranks compare values with ==
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public ObservationBatch build() {
            if (size == 0) {
                throw new InvalidExperimentException("observations", "must hold at least one observation");
            }
            return new ObservationBatch(
                    spec, Arrays.copyOf(variants, size), Arrays.copyOf(metrics, size), Arrays.copyOf(values, size));
        }

        private static void requireValid(String at, MetricSpec metric, double value) {
            if (!Double.isFinite(value)) {
                throw new InvalidExperimentException(at + "/value", "must be a finite number");
            }
            if (metric.kind() == MetricKind.BINARY && value != 0 && value != 1) {
                throw new InvalidExperimentException(
                        at + "/value",
                        "metric \"" + metric.name() + "\" is binary: the value must be 0 or 1, got " + value);
            }
        }

        private void grow() {
            if (size == values.length) {
                int capacity = Math.min(MAX_SIZE, size * 2);
                variants = Arrays.copyOf(variants, capacity);
                metrics = Arrays.copyOf(metrics, capacity);
                values = Arrays.copyOf(values, capacity);
            }
        }
    }
}
