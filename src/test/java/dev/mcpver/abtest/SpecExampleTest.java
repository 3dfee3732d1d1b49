package dev.mcpver.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analysis example of abtest.md §3: error rate 0/800 in A, 57/800 in B, rolled back by the guardrail. */
class SpecExampleTest {
    @Test
    void should_reproduce_the_numbers_of_the_spec_example() {
        ExperimentSpec spec = Experiments.example("spec");
        double[] none = new double[800];
        double[] some = new double[800];
        Arrays.fill(some, 0, 57, 1);
        Map<SeriesKey, Moments> moments = new HashMap<>();
        moments.put(new SeriesKey("error", "A"), Moments.of(none));
        moments.put(new SeriesKey("error", "B"), Moments.of(some));
        for (String v : new String[] {"A", "B"}) {
            moments.put(new SeriesKey("success", v), Moments.of(ones(720, 800)));
            moments.put(new SeriesKey("response_time", v), Moments.of(100, 110, 120, 130));
        }
        AnalysisInput input = new AnalysisInput(
                "example", ExperimentStatus.RUNNING, spec, moments, AnalysisInput.sharesOf(spec), Map.of());

        Analysis analysis = Analyzer.analyze(input, null);

        Analysis.Comparison error =
                analysis.metric("error").orElseThrow().comparisons().get(0);
        assertThat(error.diff()).isEqualTo(0.07125);
        assertThat(error.ciLow()).isCloseTo(0.05469, within(5e-6));
        assertThat(error.ciHigh()).isCloseTo(0.09120, within(5e-6));
        assertThat(error.relativeLift()).isNull();
        assertThat(error.proportions().z()).isCloseTo(7.688, within(5e-4));
        assertThat(error.pValue()).isCloseTo(1.49e-14, within(5e-17));
        assertThat(error.sequential().pValue()).isCloseTo(3.43e-12, within(5e-15));
        assertThat(error.warnings()).containsExactly(Warning.LIFT_UNDEFINED);
        assertThat(analysis.metric("error").orElseThrow().variants().get(1).stddev())
                .isCloseTo(0.2574, within(5e-5));
        assertThat(analysis.srm().pValue()).isEqualTo(1.0);
        assertThat(analysis.decision()).isEqualTo(Decision.of(Action.ROLLBACK, "A", "GUARDRAIL:error:B"));
    }

    private static double[] ones(int ones, int n) {
        double[] values = new double[n];
        Arrays.fill(values, 0, ones, 1);
        return values;
    }
}
