package dev.mcpver.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.json.ExperimentJson;
import dev.mcpver.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the reference values computed with scipy/statsmodels (and cross-checked with R) by
 * {@code src/test/python/abtest_reference.py}: every quantity within 1e-6 absolute or relative, integers, nulls,
 * booleans, strings and decisions exact, warnings as sets. Python is not needed to run it.
 */
class AbTestReferenceTest {
    private static final String GOLDEN = "/golden/abtest/reference.jsonl";
    private static final Set<String> SET_VALUED = Set.of("warnings");

    static Stream<JsonNode> analyses() {
        return golden().filter(line -> line.path("type").asText().equals("analysis"));
    }

    static Stream<JsonNode> sampleSizes() {
        return golden().filter(line -> line.path("type").asText().equals("sample_size"));
    }

    @Test
    void should_cover_about_a_hundred_experiments_of_varied_shapes() {
        assertThat(analyses().count()).isGreaterThanOrEqualTo(100);
        assertThat(sampleSizes().count()).isGreaterThanOrEqualTo(10);
        assertThat(analyses()
                        .map(line -> line.path("expected")
                                .path("decision")
                                .path("action")
                                .asText()))
                .contains("continue", "promote", "rollback", "halt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("analyses")
    void should_match_the_reference_analysis(JsonNode line) {
        ExperimentSpec spec = ExperimentJson.spec(line.path("experiment"));
        Map<SeriesKey, double[]> values = values(line.path("observations"));
        AnalysisInput input = new AnalysisInput(
                "exp-" + line.path("id").asText(),
                ExperimentStatus.RUNNING,
                spec,
                batchedMoments(values),
                AnalysisInput.sharesOf(spec),
                Map.of());

        JsonNode actual = ExperimentJson.analysis(Analyzer.analyze(input, series -> copy(values, series)));

        ObjectNode expected = ((ObjectNode) line.path("expected").deepCopy());
        expected.put("experimentId", input.experimentId()).put("status", "running");
        assertThat(JsonTolerance.differences(expected, actual, SET_VALUED))
                .as(line.path("id").asText() + ": " + line.path("description").asText())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleSizes")
    void should_match_the_reference_sample_size(JsonNode line) {
        SampleSize.Result result = SampleSize.compute(ExperimentJson.sampleSizeRequest(line.path("request")));

        JsonNode expected = line.path("expected");
        assertThat(result.perVariant()).isEqualTo(expected.path("perVariant").asLong());
        assertThat(JsonTolerance.close(expected.path("perVariantExact").asDouble(), result.perVariantExact()))
                .as("perVariantExact %s vs %s", expected.path("perVariantExact"), result.perVariantExact())
                .isTrue();
    }

    /**
     * Aggregates as production builds them: Welford per batch of random size, Chan merges across batches, so the
     * reference also checks the incremental path.
     */
    private static Map<SeriesKey, Moments> batchedMoments(Map<SeriesKey, double[]> values) {
        Random random = new Random(42);
        Map<SeriesKey, Moments> moments = new HashMap<>();
        values.forEach((series, xs) -> {
            Moments total = Moments.EMPTY;
            for (int from = 0; from < xs.length; ) {
                int to = Math.min(xs.length, from + 1 + random.nextInt(300));
                total = total.merge(Moments.of(xs, from, to));
                from = to;
            }
            moments.put(series, total);
        });
        return moments;
    }

    private static Map<SeriesKey, double[]> values(JsonNode observations) {
        Map<SeriesKey, double[]> values = new HashMap<>();
        observations
                .fields()
                .forEachRemaining(metric -> metric.getValue().fields().forEachRemaining(variant -> {
                    double[] xs = new double[variant.getValue().size()];
                    for (int i = 0; i < xs.length; i++) {
                        xs[i] = variant.getValue().get(i).doubleValue();
                    }
                    values.put(new SeriesKey(metric.getKey(), variant.getKey()), xs);
                }));
        return values;
    }

    private static double[] copy(Map<SeriesKey, double[]> values, SeriesKey series) {
        return values.getOrDefault(series, new double[0]).clone();
    }

    private static Stream<JsonNode> golden() {
        InputStream stream = Objects.requireNonNull(AbTestReferenceTest.class.getResourceAsStream(GOLDEN), GOLDEN);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<JsonNode> lines = reader.lines().map(Json::read).toList();
            return lines.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
