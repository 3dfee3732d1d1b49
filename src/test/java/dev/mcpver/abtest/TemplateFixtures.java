package dev.mcpver.abtest;

import java.util.List;
import java.util.Map;

/** A small analysis with a chosen decision, for narrative tests. */
final class TemplateFixtures {
    private TemplateFixtures() {}

    static Experiment experiment() {
        ExperimentSpec spec = Experiments.example("fixture");
        return new Experiment(
                "01FIXTURE",
                spec,
                ExperimentStatus.RUNNING,
                "salt",
                Allocation.initial(spec.variants()),
                "alice",
                Experiments.CLOCK.instant(),
                Experiments.CLOCK.instant(),
                null,
                null);
    }

    static Analysis analysis(Decision decision) {
        Analysis.Comparison comparison = new Analysis.Comparison(
                "A",
                "B",
                0.07,
                0.05,
                0.09,
                null,
                null,
                null,
                1e-14,
                1e-14,
                true,
                null,
                null,
                new Analysis.Proportions(7.7, 1e-14),
                new Analysis.Sequential("msprt", 3e-12, 3e-12),
                List.of(Warning.LIFT_UNDEFINED));
        Analysis.MetricResult error = new Analysis.MetricResult(
                "error",
                MetricKind.BINARY,
                Direction.LOWER_IS_BETTER,
                MetricRole.GUARDRAIL,
                List.of(
                        new Analysis.VariantStats("A", "1.0.0", 800, 0.0, 0.0),
                        new Analysis.VariantStats("B", "1.1.0", 800, 0.07, 0.25)),
                List.of(comparison));
        Analysis.Srm srm =
                new Analysis.Srm(Map.of("A", 800L, "B", 800L), Map.of("A", 0.5, "B", 0.5), 0.0, 1, 1.0, false);
        return new Analysis("01FIXTURE", ExperimentStatus.RUNNING, 0.05, "A", srm, List.of(error), decision);
    }
}
