package dev.mcpver.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The issue's bars: recall 100 % on breaking changes, no breaking change for description- or representation-only
 * edits, the right minimal bump on at least 95 % of pairs — on a synthetic set modelled on the reference servers'
 * history ({@code evaluation/pairs.jsonl}) and on recorded consecutive releases of reference servers from npm
 * ({@code evaluation/real}), both labelled by hand. Writes per-pair tables to {@code target/evaluation-*.md}.
 */
class EvaluationTest {
    private static final Path DIR = Path.of("src/test/resources/compat/evaluation");

    record Row(
            String name, String expected, String actual, int breakingExpected, int breakingFound, int falseBreaking) {}

    @Test
    void should_meet_the_bars_on_synthetic_pairs_modelled_on_the_reference_servers() throws IOException {
        ObjectMapper mapper = Json.create();
        List<JsonNode> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("pairs.jsonl"), StandardCharsets.UTF_8)) {
            pairs.add(mapper.readTree(line));
        }
        evaluate(pairs, "synthetic");
    }

    @Test
    void should_meet_the_bars_on_recorded_releases_of_the_reference_servers() throws IOException {
        ObjectMapper mapper = Json.create();
        Path real = DIR.resolve("real");
        List<JsonNode> pairs = new ArrayList<>();
        for (JsonNode label :
                mapper.readTree(real.resolve("labels.json").toFile()).get("pairs")) {
            ObjectNode pair = label.deepCopy();
            pair.put(
                    "name",
                    label.get("old").asText().replace("@modelcontextprotocol_", "") + " → "
                            + label.get("new").asText().replaceAll(".*@", ""));
            pair.set(
                    "old",
                    mapper.readTree(
                            real.resolve(label.get("old").asText() + ".json").toFile()));
            pair.set(
                    "new",
                    mapper.readTree(
                            real.resolve(label.get("new").asText() + ".json").toFile()));
            pair.put("harmless", false);
            pairs.add(pair);
        }
        evaluate(pairs, "real");
    }

    private static void evaluate(List<JsonNode> pairs, String set) throws IOException {
        List<Row> rows = new ArrayList<>();
        int harmlessViolations = 0;
        for (JsonNode pair : pairs) {
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
            if (pair.get("harmless").asBoolean() && !breaking.isEmpty()) {
                harmlessViolations++;
            }
            rows.add(new Row(
                    pair.get("name").asText(),
                    pair.get("bump").asText(),
                    report.requiredBump().wireName(),
                    expected,
                    found,
                    expected == 0 ? breaking.size() : 0));
        }
        int expectedBreaking = rows.stream().mapToInt(Row::breakingExpected).sum();
        int foundBreaking = rows.stream().mapToInt(Row::breakingFound).sum();
        long rightBump =
                rows.stream().filter(r -> r.expected().equals(r.actual())).count();
        double recall = expectedBreaking == 0 ? 1 : (double) foundBreaking / expectedBreaking;
        double accuracy = (double) rightBump / rows.size();
        write(set, rows, recall, accuracy, harmlessViolations);

        assertThat(recall).as("recall on breaking changes (%s)", set).isEqualTo(1.0);
        assertThat(harmlessViolations)
                .as("description/representation-only pairs reported as breaking")
                .isZero();
        assertThat(accuracy).as("pairs with the right minimal bump: %s", rows).isGreaterThanOrEqualTo(0.95);
    }

    private static void write(String set, List<Row> rows, double recall, double accuracy, int harmless)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%s: pairs %d, recall on breaking %.3f, right bump %.3f, harmless pairs"
                        + " with breaking %d%n%n| pair | expected | analyzer | breaking found/expected | breaking where none"
                        + " expected |%n|---|---|---|---|---|%n",
                set,
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
        Files.writeString(Path.of("target/evaluation-" + set + ".md"), out.toString(), StandardCharsets.UTF_8);
    }
}
