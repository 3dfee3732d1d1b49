package dev.mcpver.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.json.Json;
import dev.mcpver.surface.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The bars on a hand-labelled evaluation set of realistic release pairs ({@code
 * src/test/resources/compat/evaluation/pairs.jsonl}, modelled on the reference servers' history): recall 100 % on
 * breaking changes, no breaking change for description- or representation-only edits, the right minimal bump on at
 * least 95 % of pairs. Writes the per-pair table to {@code target/evaluation.md}.
 */
class EvaluationTest {
    private static final Path PAIRS = Path.of("src/test/resources/compat/evaluation/pairs.jsonl");

    record Row(
            String name, String expected, String actual, int breakingExpected, int breakingFound, int falseBreaking) {}

    @Test
    void should_meet_the_recall_harmlessness_and_bump_accuracy_bars() throws IOException {
        ObjectMapper mapper = Json.create();
        List<Row> rows = new ArrayList<>();
        int harmlessViolations = 0;
        for (String line : Files.readAllLines(PAIRS, StandardCharsets.UTF_8)) {
            JsonNode pair = mapper.readTree(line);
            CompatReport report = new CompatAnalyzer()
                    .analyze(
                            SurfaceParser.parse(JsonValues.fromJackson(pair.get("old"))),
                            SurfaceParser.parse(JsonValues.fromJackson(pair.get("new"))),
                            Policy.DEFAULT);
            List<Change> breaking = report.changes().stream()
                    .filter(c -> c.level() == Level.BREAKING)
                    .toList();
            int expected = pair.get("breaking").size();
            int found = 0;
            for (JsonNode target : pair.get("breaking")) {
                found += breaking.stream().anyMatch(c -> c.target().startsWith(target.asText())) ? 1 : 0;
            }
            int falseBreaking = expected == 0 ? breaking.size() : 0;
            if (pair.get("harmless").asBoolean() && !breaking.isEmpty()) {
                harmlessViolations++;
            }
            rows.add(new Row(
                    pair.get("name").asText(),
                    pair.get("bump").asText(),
                    report.requiredBump().wireName(),
                    expected,
                    found,
                    falseBreaking));
        }
        int expectedBreaking = rows.stream().mapToInt(Row::breakingExpected).sum();
        int foundBreaking = rows.stream().mapToInt(Row::breakingFound).sum();
        long rightBump =
                rows.stream().filter(r -> r.expected().equals(r.actual())).count();
        double recall = expectedBreaking == 0 ? 1 : (double) foundBreaking / expectedBreaking;
        double accuracy = (double) rightBump / rows.size();
        write(rows, recall, accuracy, harmlessViolations);

        assertThat(recall).as("recall on breaking changes").isEqualTo(1.0);
        assertThat(harmlessViolations)
                .as("description/representation-only pairs reported as breaking")
                .isZero();
        assertThat(accuracy).as("pairs with the right minimal bump: %s", rows).isGreaterThanOrEqualTo(0.95);
    }

    private static void write(List<Row> rows, double recall, double accuracy, int harmless) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "pairs %d, recall on breaking %.3f, right bump %.3f, harmless pairs with"
                        + " breaking %d%n%n| pair | expected | analyzer | breaking found/expected | breaking where none expected |%n"
                        + "|---|---|---|---|---|%n",
                rows.size(),
                recall,
                accuracy,
                harmless));
        for (Row row : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %d/%d | %d |%n",
                    row.name(),
                    row.expected(),
                    row.actual(),
                    row.breakingFound(),
                    row.breakingExpected(),
                    row.falseBreaking()));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/evaluation.md"), out.toString(), StandardCharsets.UTF_8);
    }
}
