package dev.mcpver.bench.abtest;

import dev.mcpver.abtest.Analysis;
import dev.mcpver.abtest.AnalysisInput;
import dev.mcpver.abtest.Analyzer;
import dev.mcpver.abtest.Direction;
import dev.mcpver.abtest.ExperimentSpec;
import dev.mcpver.abtest.ExperimentStatus;
import dev.mcpver.abtest.MetricKind;
import dev.mcpver.abtest.MetricRole;
import dev.mcpver.abtest.MetricSpec;
import dev.mcpver.abtest.Moments;
import dev.mcpver.abtest.SequentialSpec;
import dev.mcpver.abtest.SeriesKey;
import dev.mcpver.abtest.VariantSpec;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full analysis of an experiment with 2 variants × {@code n} observations of one continuous metric: Welch t,
 * Mann-Whitney U (tie + continuity corrected), delta-method lift, mSPRT, SRM and the decision. The aggregates come
 * precomputed (the store keeps them per batch); the raw values arrive unsorted, as the store returns them, so the
 * time includes copying and sorting 2 × n doubles for the rank test.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class AnalysisBenchmark {
    @Param({"1000000"})
    int n;

    private AnalysisInput input;
    private Map<SeriesKey, double[]> values;

    @Setup
    public void setUp() {
        ExperimentSpec spec = new ExperimentSpec(
                "bench", "mcp-bench",
                List.of(new VariantSpec("A", "1.0.0", 1), new VariantSpec("B", "1.1.0", 1)),
                "A",
                List.of(new MetricSpec(
                        "latency", MetricKind.CONTINUOUS, Direction.LOWER_IS_BETTER, MetricRole.PRIMARY, 0)),
                0.05, 0.001, 100, SequentialSpec.defaults(), false);
        SplittableRandom random = new SplittableRandom(42);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            // log-normal latencies rounded to 0.1 ms: realistic ties
            a[i] = Math.round(Math.exp(5 + 0.5 * gaussian(random)) * 10) / 10.0;
            b[i] = Math.round(Math.exp(4.99 + 0.5 * gaussian(random)) * 10) / 10.0;
        }
        SeriesKey keyA = new SeriesKey("latency", "A");
        SeriesKey keyB = new SeriesKey("latency", "B");
        values = Map.of(keyA, a, keyB, b);
        input = new AnalysisInput("bench", ExperimentStatus.RUNNING, spec,
                Map.of(keyA, Moments.of(a), keyB, Moments.of(b)), AnalysisInput.sharesOf(spec), Map.of());
    }

    @Benchmark
    public Analysis analyseTwoMillionObservations() {
        return Analyzer.analyze(input, series -> values.get(series).clone());
    }

    /** The decision after a batch: aggregates only (what ingestion evaluates for the automatic stop). */
    @Benchmark
    public Analysis decideFromAggregates() {
        return Analyzer.analyze(input, null);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
