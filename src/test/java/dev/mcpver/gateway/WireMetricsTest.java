package dev.mcpver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.App;
import dev.mcpver.GatewaySettings;
import dev.mcpver.abtest.Analysis;
import dev.mcpver.abtest.Direction;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.ExperimentSpec;
import dev.mcpver.abtest.MetricKind;
import dev.mcpver.abtest.MetricRole;
import dev.mcpver.abtest.MetricSpec;
import dev.mcpver.abtest.SequentialSpec;
import dev.mcpver.abtest.VariantSpec;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireMetricsTest {
    @TempDir
    Path temp;

    @Test
    void should_record_only_declared_metrics_with_a_per_tool_breakdown_and_drop_after_a_stop() {
        ExperimentService experiments = App.experiments(TestDatabases.sqlite(temp), Clock.systemUTC());
        ExperimentSpec spec = new ExperimentSpec(
                "wire",
                "fixture/staging",
                List.of(new VariantSpec("A", "1.0.0", 50), new VariantSpec("B", "1.1.0", 50)),
                "A",
                List.of(
                        new MetricSpec("error", MetricKind.BINARY, Direction.LOWER_IS_BETTER, MetricRole.PRIMARY, 0),
                        new MetricSpec(
                                "response_time.search",
                                MetricKind.CONTINUOUS,
                                Direction.LOWER_IS_BETTER,
                                MetricRole.SECONDARY,
                                0)),
                0.05,
                0.001,
                100,
                SequentialSpec.defaults(),
                false);
        Experiment experiment = experiments.start(experiments.create(spec, "t").id(), "t");
        AtomicInteger stops = new AtomicInteger();
        WireMetrics metrics = new WireMetrics(experiments, GatewaySettings.defaults(), stops::incrementAndGet);

        metrics.record(new WireMetrics.Call(experiment.id(), "A", "search", 12.5, false));
        metrics.record(new WireMetrics.Call(experiment.id(), "B", "search", 30.0, true));
        metrics.record(new WireMetrics.Call(experiment.id(), "B", "fetch", 5.0, false));
        assertThat(metrics.flush()).isEqualTo(3);

        Analysis analysis = experiments.analysis(experiment.id());
        assertThat(analysis.srm().counts()).containsEntry("A", 1L).containsEntry("B", 2L);
        assertThat(analysis.metrics().get(1).variants().get(1).n()).isEqualTo(1); // only the search call of B
        assertThat(analysis.metrics().get(0).variants().get(1).mean()).isEqualTo(0.5);

        experiments.stop(experiment.id(), "t", "done", null);
        metrics.record(new WireMetrics.Call(experiment.id(), "A", "search", 1.0, false));
        assertThat(metrics.flush()).isZero();
        assertThat(metrics.counters()).containsEntry("recorded", 4L).containsEntry("dropped", 1L);
    }
}
