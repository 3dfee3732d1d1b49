package dev.mcpver.semver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the differential corpus generated from node-semver 7.8.6 ({@code golden/semver/api-corpus.jsonl},
 * see {@code src/test/node/semver-corpus}) against the engine. Every case must agree: the same status and,
 * for a 200, the same JSON body.
 */
class SemverCorpusTest {
    private static final String CORPUS = "/golden/semver/api-corpus.jsonl";
    private static final List<JsonNode> CASES = load();

    static List<JsonNode> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void should_answer_like_node_semver_when_replaying_the_corpus(JsonNode testCase) {
        EngineApi.Answer answer = EngineApi.answer(testCase);
        int status = testCase.get("status").asInt();

        if (answer instanceof EngineApi.Ok ok) {
            assertThat(status).as("engine accepted %s", testCase).isEqualTo(200);
            assertThat(ok.body()).as("body for %s", testCase).isEqualTo(testCase.get("body"));
        } else {
            assertThat(status).as("engine rejected %s: %s", testCase, answer).isEqualTo(400);
        }
    }

    @Test
    void should_cover_every_category_with_at_least_5000_cases_when_loaded() {
        Map<String, Long> perCategory = CASES.stream()
                .collect(Collectors.groupingBy(c -> c.get("category").asText(), TreeMap::new, Collectors.counting()));

        assertThat(CASES).hasSizeGreaterThanOrEqualTo(5_000);
        assertThat(perCategory)
                .containsOnlyKeys("parse", "compare", "satisfies", "range", "resolve", "next", "diff", "errors");
    }

    @Test
    void should_reach_the_engine_in_all_but_a_few_http_contract_cases_when_loaded() {
        long httpOnly = CASES.stream()
                .filter(c -> EngineApi.answer(c) instanceof EngineApi.HttpOnly)
                .count();

        // Missing parameters and malformed resolve bodies are HTTP-level 400s; all other cases call the engine.
        assertThat(httpOnly).isLessThan(CASES.size() / 20);
        assertThat(CASES.stream()
                        .filter(c -> EngineApi.answer(c) instanceof EngineApi.HttpOnly)
                        .allMatch(c -> c.get("status").asInt() == 400))
                .isTrue();
    }

    private static List<JsonNode> load() {
        try (InputStream in = Objects.requireNonNull(SemverCorpusTest.class.getResourceAsStream(CORPUS), CORPUS);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<JsonNode> cases = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(EngineApi.MAPPER.readTree(line));
                }
            }
            return List.copyOf(cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
