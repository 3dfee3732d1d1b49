package dev.mcpver.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.json.ExperimentJson;
import dev.mcpver.json.Json;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentSpecTest {
    private static ExperimentSpec parse(String json) {
        return ExperimentJson.spec(Json.read(json));
    }

    private static final String MINIMAL = """
            {"name":"n","mcpId":"m","variants":[{"key":"A","version":"1"},{"key":"B","version":"2"}],
             "metrics":[{"name":"x","kind":"continuous","direction":"lower_is_better"},
                        {"name":"y","kind":"binary","direction":"higher_is_better"}]}""";

    @Test
    void should_apply_the_documented_defaults() {
        ExperimentSpec spec = parse(MINIMAL);

        assertThat(spec.control()).isEqualTo("A");
        assertThat(spec.alpha()).isEqualTo(0.05);
        assertThat(spec.srmAlpha()).isEqualTo(0.001);
        assertThat(spec.minSamplesPerVariant()).isEqualTo(100);
        assertThat(spec.sequential()).isEqualTo(SequentialSpec.defaults());
        assertThat(spec.metrics())
                .extracting(MetricSpec::role)
                .containsExactly(MetricRole.PRIMARY, MetricRole.SECONDARY);
        assertThat(spec.autoPromote()).isFalse();
    }

    @Test
    void should_make_the_first_metric_without_a_role_primary_only_when_none_is_declared() {
        assertThat(ExperimentSpec.defaultRoles(Arrays.asList(MetricRole.GUARDRAIL, null, null)))
                .containsExactly(MetricRole.GUARDRAIL, MetricRole.PRIMARY, MetricRole.SECONDARY);
        assertThat(ExperimentSpec.defaultRoles(Arrays.asList(null, MetricRole.PRIMARY)))
                .containsExactly(MetricRole.SECONDARY, MetricRole.PRIMARY);
    }

    @Test
    void should_name_the_field_of_each_validation_failure() {
        assertThat(failure(MINIMAL.replace("\"B\"", "\"A\""))).startsWith("/variants/1/key: duplicate");
        assertThat(failure(MINIMAL.replace("\"version\":\"2\"", "\"version\":\"2\",\"weight\":0")))
                .startsWith("/variants/1/weight: must be a finite number greater than 0");
        assertThat(failure(MINIMAL.replace("\"mcpId\":\"m\"", "\"mcpId\":\"m\",\"alpha\":1.5")))
                .startsWith("/alpha:");
        assertThat(failure(MINIMAL.replace("\"continuous\"", "\"ratio\"")))
                .startsWith("/metrics/0/kind: must be one of");
        assertThat(failure(MINIMAL.replace("\"mcpId\":\"m\"", "\"mcpId\":\"m\",\"sequential\":{\"tau\":-1}")))
                .startsWith("/sequential/tau:");
        assertThat(failure(MINIMAL.replace(
                                "\"direction\":\"higher_is_better\"}",
                                "\"direction\":\"higher_is_better\",\"role\":\"primary\"}")
                        .replace(
                                "\"direction\":\"lower_is_better\"}",
                                "\"direction\":\"lower_is_better\",\"role\":\"primary\"}")))
                .startsWith("/metrics: exactly one metric must have role \"primary\", found 2");
        assertThat(failure("{\"name\":\"n\",\"mcpId\":\"m\",\"variants\":[{\"key\":\"A\",\"version\":\"1\"}],"
                        + "\"metrics\":[{\"name\":\"x\",\"kind\":\"binary\",\"direction\":\"lower_is_better\"}]}"))
                .startsWith("/variants: must list between 2 and");
    }

    @Test
    void should_refuse_unknown_variants_metrics_and_non_binary_values_in_a_batch() {
        ExperimentSpec spec = parse(MINIMAL);
        ObservationBatch.Builder builder = ObservationBatch.builder(spec).add("A", "x", 1.5);

        assertThatThrownBy(() -> builder.add("C", "x", 1)).hasMessageStartingWith("/observations/1/variant: unknown");
        assertThatThrownBy(() -> builder.add("A", "z", 1)).hasMessageStartingWith("/observations/1/metric: unknown");
        assertThatThrownBy(() -> builder.add("A", "y", 0.5)).hasMessageStartingWith("/observations/1/value: metric");
        assertThatThrownBy(() -> builder.add("A", "x", Double.NaN)).hasMessageContaining("finite");
        assertThat(builder.add("B", "y", 1).build().size()).isEqualTo(2);
        assertThatThrownBy(() -> ObservationBatch.builder(spec).build()).hasMessageContaining("at least one");
    }

    @Test
    void should_aggregate_a_batch_per_series() {
        ExperimentSpec spec = parse(MINIMAL);
        ObservationBatch batch = ObservationBatch.builder(spec)
                .add("A", "x", 1)
                .add("B", "x", 4)
                .add("A", "x", 3)
                .add("A", "y", 1)
                .build();

        assertThat(batch.moments())
                .containsEntry(new SeriesKey("x", "A"), Moments.of(1, 3))
                .containsEntry(new SeriesKey("x", "B"), Moments.of(4))
                .containsEntry(new SeriesKey("y", "A"), Moments.of(1))
                .hasSize(3);
        assertThat(batch.sha256())
                .isNotEqualTo(
                        ObservationBatch.builder(spec).add("A", "x", 2).build().sha256());
        assertThat(List.of(batch.variant(1), batch.metric(3))).containsExactly(1, 1);
    }

    private static String failure(String json) {
        try {
            parse(json);
        } catch (InvalidExperimentException e) {
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError("no failure for " + json);
    }
}
