package dev.mcpver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.AppConfig;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.json.Json;
import dev.mcpver.store.Database;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.HttpTestClient.Reply;
import dev.mcpver.testing.TestDatabases;
import dev.mcpver.tools.SemverTools;
import dev.mcpver.tools.ToolCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the differential corpus generated from node-semver 7.8.6 (src/test/node/semver-corpus) against the real
 * HTTP API on a random port: every case must agree exactly, and every 400 must be a complete problem+json.
 */
class SemverApiCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/golden/semver/api-corpus.jsonl");

    @TempDir
    static Path directory;

    static HttpServer server;
    static HttpTestClient client;
    static ToolCatalog catalog = new ToolCatalog(SemverTools.all());

    @BeforeAll
    static void start() {
        Database database = TestDatabases.sqlite(directory);
        Access access = new Access(Authenticator.none(), true);
        ToolEndpoints tools = new ToolEndpoints(catalog, access, Json.create());
        server = new HttpServer(
                        AppConfig.load(Map.of(), Map.of("port", "0")),
                        Json.create(),
                        new ErrorMapper(),
                        access,
                        List.of(new SystemRoutes(database, "t"), new SemverRoutes(tools)),
                        List.of())
                .start();
        client = new HttpTestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_agree_with_node_semver_on_every_case_of_the_differential_corpus() throws IOException {
        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> perCategory = new TreeMap<>();
        List<String> lines = Files.readAllLines(CORPUS, StandardCharsets.UTF_8);
        for (String line : lines) {
            JsonNode expected = Json.read(line);
            String problem = check(expected, send(expected));
            perCategory.merge(expected.get("category").asText(), 1, Integer::sum);
            if (problem != null) {
                disagreements.add(expected.get("id").asText() + ": " + problem);
            }
        }
        assertThat(lines).hasSizeGreaterThan(5000);
        assertThat(perCategory)
                .containsKeys("parse", "compare", "satisfies", "range", "resolve", "next", "diff", "errors");
        assertThat(disagreements).as("cases that disagree with node-semver").isEmpty();
    }

    private static Reply send(JsonNode testCase) {
        String path = testCase.get("path").asText();
        if (testCase.get("method").asText().equals("POST")) {
            return client.post(path, Json.write(testCase.get("body_in")));
        }
        StringBuilder query = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = testCase.get("query").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> parameter = it.next();
            query.append(query.length() == 0 ? "?" : "&")
                    .append(encode(parameter.getKey()))
                    .append('=')
                    .append(encode(parameter.getValue().asText()));
        }
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + path + query))
                .GET()
                .build());
    }

    private static String check(JsonNode expected, Reply reply) {
        int status = expected.get("status").asInt();
        if (reply.status() != status) {
            return "status " + reply.status() + " instead of " + status + ": " + reply.text();
        }
        if (status == 400) {
            JsonNode body = reply.json();
            boolean complete = reply.contentType().startsWith("application/problem+json")
                    && body.hasNonNull("type")
                    && body.hasNonNull("title")
                    && body.get("status").asInt() == 400
                    && !body.path("detail").asText().isBlank();
            return complete ? null : "incomplete problem: " + reply.text();
        }
        JsonNode body = reply.json();
        if (!body.equals(expected.get("body"))) {
            return "body " + body + " instead of " + expected.get("body");
        }
        String tool = "semver_" + expected.get("path").asText().substring("/api/v1/semver/".length());
        List<String> schemaProblems = catalog.validateOutput(tool, body);
        return schemaProblems.isEmpty() ? null : "output violates the tool's schema: " + schemaProblems;
    }

    private static String encode(String text) {
        try {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
