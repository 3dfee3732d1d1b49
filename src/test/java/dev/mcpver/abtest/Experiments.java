package dev.mcpver.abtest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Test fixtures: experiment definitions and services with a fixed clock, seeded randomness and counted ids. */
public final class Experiments {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private Experiments() {}

    /** The example of abtest.md §3: success (primary), response_time and error guardrails, A/B 50/50. */
    public static ExperimentSpec example(String name) {
        return example(name, false);
    }

    public static ExperimentSpec example(String name, boolean autoPromote) {
        return new ExperimentSpec(
                name,
                "mcp-search",
                List.of(new VariantSpec("A", "1.0.0", 50), new VariantSpec("B", "1.1.0", 50)),
                "A",
                List.of(
                        new MetricSpec("success", MetricKind.BINARY, Direction.HIGHER_IS_BETTER, MetricRole.PRIMARY, 0),
                        new MetricSpec(
                                "response_time",
                                MetricKind.CONTINUOUS,
                                Direction.LOWER_IS_BETTER,
                                MetricRole.GUARDRAIL,
                                0.10),
                        new MetricSpec("error", MetricKind.BINARY, Direction.LOWER_IS_BETTER, MetricRole.GUARDRAIL, 0)),
                0.05,
                0.001,
                100,
                SequentialSpec.defaults(),
                autoPromote);
    }

    /** One continuous primary metric {@code latency}, lower is better. */
    public static ExperimentSpec latency(String name) {
        return new ExperimentSpec(
                name,
                "mcp-search",
                List.of(new VariantSpec("A", "1.0.0", 1), new VariantSpec("B", "1.1.0", 1)),
                "A",
                List.of(new MetricSpec(
                        "latency", MetricKind.CONTINUOUS, Direction.LOWER_IS_BETTER, MetricRole.PRIMARY, 0)),
                0.05,
                0.001,
                100,
                SequentialSpec.defaults(),
                false);
    }

    public static Supplier<String> ids() {
        AtomicInteger next = new AtomicInteger();
        return () -> String.format(java.util.Locale.ROOT, "01JEXP%020d", next.incrementAndGet());
    }

    public static ExperimentService service(ExperimentRepository repository) {
        return service(repository, new TemplateNarrativeWriter(), OutcomeListener.none());
    }

    public static ExperimentService service(
            ExperimentRepository repository, NarrativeWriter writer, OutcomeListener listener) {
        return new ExperimentService(
                repository, CLOCK, new Random(7), ids(), listener, writer, RecommendationRecorder.none());
    }

    /** A balanced batch: for every i, the same value for A and B of {@code metric} (no effect, no SRM). */
    public static ObservationBatch balanced(ExperimentSpec spec, String metric, double... values) {
        ObservationBatch.Builder builder = ObservationBatch.builder(spec);
        for (double value : values) {
            builder.add("A", metric, value);
            builder.add("B", metric, value);
        }
        return builder.build();
    }
}
