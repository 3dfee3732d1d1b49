package dev.mcpver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.abtest.Experiments;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.store.Database;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.HttpTestClient.Reply;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The A/B HTTP API of abtest.md §3 on a real port with a real SQLite database. */
class ExperimentRoutesTest {
    static final String OPERATOR = "op-token";
    static final String VIEWER = "view-token";
    static final Authenticator TOKENS = token -> Optional.ofNullable(
            Map.of(OPERATOR, new Caller("op", Role.OPERATOR), VIEWER, new Caller("viewer", Role.VIEWER))
                    .get(token));

    @TempDir
    static Path directory;

    static HttpServer server;
    static HttpTestClient client;
    static int names;

    @BeforeAll
    static void start() {
        Database database = TestDatabases.sqlite(directory);
        AppConfig config = AppConfig.load(Map.of("MCPVER_MAX_REQUEST_BYTES", "1m"), Map.of("port", "0"));
        Access access = new Access(TOKENS, true);
        server = new HttpServer(
                        config,
                        Json.create(),
                        new ErrorMapper(),
                        access,
                        List.of(new ExperimentRoutes(
                                App.experiments(database, Experiments.CLOCK), access, Json.create())),
                        List.of())
                .start();
        client = new HttpTestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String exampleBody(String name) {
        return """
                {"name": "%s", "mcpId": "mcp-search",
                 "variants": [{"key": "A", "version": "1.0.0", "weight": 50}, {"key": "B", "version": "1.1.0", "weight": 50}],
                 "control": "A",
                 "metrics": [{"name": "success", "kind": "binary", "direction": "higher_is_better", "role": "primary"},
                             {"name": "response_time", "kind": "continuous", "direction": "lower_is_better", "role": "guardrail", "guardrailThreshold": 0.10},
                             {"name": "error", "kind": "binary", "direction": "lower_is_better", "role": "guardrail", "guardrailThreshold": 0.0}],
                 "alpha": 0.05, "srmAlpha": 0.001, "minSamplesPerVariant": 100, "sequential": {"method": "msprt", "tau": 0.2}}""".formatted(name);
    }

    static Reply send(String method, String path, String token, String body, String... headers) {
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            extra.put(headers[i], headers[i + 1]);
        }
        return client.send(method, path, token.isEmpty() ? null : token, body, extra);
    }

    static Reply post(String path, String body, String... headers) {
        return send("POST", path, OPERATOR, body, headers);
    }

    static Reply get(String path) {
        return send("GET", path, VIEWER, "");
    }

    static String created(String body) {
        Reply reply = post("/api/v1/experiments", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    static String running() {
        String id = created(exampleBody("exp-" + names++));
        assertThat(post("/api/v1/experiments/" + id + "/start", "").status()).isEqualTo(200);
        return id;
    }

    /** Observations of the §3 example: per call success, response_time and error, for A and B. */
    static String calls(int perVariant, double errorRateB, long seed) {
        Random random = new Random(seed);
        StringBuilder body = new StringBuilder("{\"observations\":[");
        for (int i = 0; i < perVariant; i++) {
            for (String variant : List.of("A", "B")) {
                double error = variant.equals("B") && random.nextDouble() < errorRateB ? 1 : 0;
                body.append(String.format(
                        Locale.ROOT,
                        "{\"variant\":\"%s\",\"metric\":\"success\",\"value\":%d},"
                                + "{\"variant\":\"%s\",\"metric\":\"response_time\",\"value\":%.3f},"
                                + "{\"variant\":\"%s\",\"metric\":\"error\",\"value\":%.0f},",
                        variant,
                        random.nextDouble() < 0.9 ? 1 : 0,
                        variant,
                        Math.exp(5 + 0.3 * random.nextGaussian()),
                        variant,
                        error));
            }
        }
        body.setLength(body.length() - 1);
        return body.append("]}").toString();
    }

    static void assertProblem(Reply reply, int status, String type, String detail) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo(type);
        assertThat(reply.json().get("detail").asText()).contains(detail);
    }

    @Test
    void should_create_a_draft_and_refuse_a_duplicate_name() {
        Reply reply = post("/api/v1/experiments", exampleBody("dup"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.get("status").asText()).isEqualTo("draft");
        assertThat(body.get("createdBy").asText()).isEqualTo("op");
        assertThat(reply.header("Location"))
                .isEqualTo("/api/v1/experiments/" + body.get("id").asText());
        assertThat(body.at("/metrics/1/guardrailThreshold").asDouble()).isEqualTo(0.10);
        assertProblem(
                post("/api/v1/experiments", exampleBody("dup")), 409, "urn:mcpver:problem:duplicate-name", "\"dup\"");
    }

    @Test
    void should_name_the_bad_field_of_an_invalid_definition() {
        String badKind = exampleBody("bad")
                .replace(
                        "\"kind\": \"binary\", \"direction\": \"higher",
                        "\"kind\": " + "\"ratio\", \"direction\": \"higher");
        Reply reply = post("/api/v1/experiments", badKind);

        assertProblem(reply, 400, "urn:mcpver:problem:invalid-experiment-input", "/metrics/0/kind");
        assertThat(reply.json().get("field").asText()).isEqualTo("/metrics/0/kind");
        assertProblem(
                post("/api/v1/experiments", exampleBody("bad2").replace("\"control\": \"A\"", "\"control\": \"Z\"")),
                400,
                "urn:mcpver:problem:invalid-experiment-input",
                "/control");
        assertProblem(
                post("/api/v1/experiments", "{\"name\": 3}"),
                400,
                "urn:mcpver:problem:invalid-experiment-input",
                "/name");
        assertProblem(post("/api/v1/experiments", "[1,"), 400, "urn:mcpver:problem:invalid-json", "");
    }

    @Test
    void should_need_the_operator_role_to_write() {
        assertThat(send("POST", "/api/v1/experiments", "", exampleBody("anon")).status())
                .isEqualTo(401);
        assertThat(send("POST", "/api/v1/experiments", VIEWER, exampleBody("viewer"))
                        .status())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/experiments", "", "").status()).isEqualTo(200);
    }

    @Test
    void should_refuse_observations_before_start_with_the_allowed_next_states() {
        String id = created(exampleBody("early"));

        Reply reply = post("/api/v1/experiments/" + id + "/metrics", calls(1, 0, 1));

        assertProblem(reply, 409, "urn:mcpver:problem:not-running", "draft");
        assertThat(reply.json().get("status").asText()).isEqualTo("draft");
        assertThat(reply.json().get("allowedNextStates").toString()).isEqualTo("[\"running\",\"stopped\"]");
    }

    @Test
    void should_refuse_a_whole_batch_with_an_unknown_variant_or_a_non_binary_value() {
        String id = running();
        String unknown = "{\"observations\":[{\"variant\":\"A\",\"metric\":\"success\",\"value\":1},"
                + "{\"variant\":\"C\",\"metric\":\"success\",\"value\":1}]}";
        String nonBinary = "{\"observations\":[{\"variant\":\"A\",\"metric\":\"error\",\"value\":2}]}";
        String unknownMetric = "{\"observations\":[{\"variant\":\"A\",\"metric\":\"cpu\",\"value\":2}]}";

        assertProblem(
                post("/api/v1/experiments/" + id + "/metrics", unknown),
                400,
                "urn:mcpver:problem:invalid-experiment-input",
                "/observations/1/variant");
        assertProblem(
                post("/api/v1/experiments/" + id + "/metrics", nonBinary),
                400,
                "urn:mcpver:problem:invalid-experiment-input",
                "/observations/0/value");
        assertProblem(
                post("/api/v1/experiments/" + id + "/metrics", unknownMetric),
                400,
                "urn:mcpver:problem:invalid-experiment-input",
                "/observations/0/metric");
        assertThat(get("/api/v1/experiments/" + id).json().at("/samples/A").asLong())
                .isZero();
    }

    @Test
    void should_accept_a_batch_of_5000_and_count_a_retry_once() {
        String id = running();
        String batch = calls(834, 0, 2); // 834 calls × 2 variants × 3 metrics = 5,004 observations

        Reply first = post("/api/v1/experiments/" + id + "/metrics", batch, "Idempotency-Key", "batch-0001");
        Reply retry = post("/api/v1/experiments/" + id + "/metrics", batch, "Idempotency-Key", "batch-0001");

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(5004);
        assertThat(first.json().get("replayed").asBoolean()).isFalse();
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("replayed").asBoolean()).isTrue();
        assertThat(get("/api/v1/experiments/" + id).json().at("/samples/B").asLong())
                .isEqualTo(834);
    }

    @Test
    void should_analyse_with_every_field_of_the_spec_and_no_non_finite_numbers() {
        String id = running();
        post("/api/v1/experiments/" + id + "/metrics", calls(300, 0.01, 3));

        Reply reply = get("/api/v1/experiments/" + id + "/analysis");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode analysis = reply.json();
        assertThat(fields(analysis))
                .containsExactly("experimentId", "status", "alpha", "control", "srm", "metrics", "decision");
        assertThat(fields(analysis.get("srm")))
                .containsExactly("counts", "expected", "chi2", "df", "pValue", "mismatch");
        JsonNode latency = analysis.at("/metrics/1");
        assertThat(fields(latency)).containsExactly("name", "kind", "direction", "role", "variants", "comparisons");
        assertThat(fields(latency.at("/variants/0"))).containsExactly("key", "version", "n", "mean", "stddev");
        assertThat(fields(latency.at("/comparisons/0")))
                .containsExactly(
                        "control",
                        "treatment",
                        "diff",
                        "ciLow",
                        "ciHigh",
                        "relativeLift",
                        "liftCiLow",
                        "liftCiHigh",
                        "pValue",
                        "pValueAdjusted",
                        "significant",
                        "welch",
                        "mannWhitney",
                        "proportions",
                        "sequential",
                        "warnings");
        assertThat(fields(latency.at("/comparisons/0/welch"))).containsExactly("t", "df", "pValue");
        assertThat(fields(latency.at("/comparisons/0/mannWhitney"))).containsExactly("u", "pValue");
        assertThat(latency.at("/comparisons/0/proportions").isNull()).isTrue();
        assertThat(analysis.at("/metrics/0/comparisons/0/welch").isNull()).isTrue();
        assertThat(fields(analysis.at("/metrics/0/comparisons/0/proportions"))).containsExactly("z", "pValue");
        assertThat(analysis.at("/decision/action").asText()).isIn("continue", "promote", "rollback", "halt");
    }

    @Test
    void should_roll_back_automatically_when_errors_appear_in_the_treatment() {
        String id = running();

        Reply ingest = post("/api/v1/experiments/" + id + "/metrics", calls(800, 0.07, 4));

        assertThat(ingest.status()).isEqualTo(202);
        assertThat(ingest.json().get("status").asText()).isEqualTo("stopped");
        assertThat(ingest.json().at("/decision/reasons/0").asText()).isEqualTo("GUARDRAIL:error:B");
        JsonNode analysis = get("/api/v1/experiments/" + id + "/analysis").json();
        assertThat(analysis.get("status").asText()).isEqualTo("stopped");
        assertThat(analysis.at("/decision/action").asText()).isEqualTo("rollback");
        assertThat(analysis.at("/decision/winner").asText()).isEqualTo("A");
        JsonNode error = analysis.at("/metrics/2/comparisons/0");
        assertThat(error.get("relativeLift").isNull()).isTrue();
        assertThat(error.get("warnings").toString()).contains("LIFT_UNDEFINED");
        JsonNode experiment = get("/api/v1/experiments/" + id).json();
        assertThat(experiment.at("/stop/outcome").asText()).isEqualTo("rolled_back");
        assertThat(experiment.at("/stop/by").asText()).isEqualTo("auto");
        JsonNode events = get("/api/v1/experiments/" + id + "/events").json();
        assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("auto_stopped");
        JsonNode sequential = get("/api/v1/experiments/" + id + "/sequential").json();
        JsonNode errorSeries = sequential.get("series").findParents("metric").stream()
                .filter(series -> series.get("metric").asText().equals("error"))
                .findFirst()
                .orElseThrow();
        assertThat(errorSeries.get("treatment").asText()).isEqualTo("B");
        assertThat(errorSeries.at("/points/0/pValue").asDouble())
                .isEqualTo(error.at("/sequential/pValue").asDouble());
    }

    @Test
    void should_assign_units_deterministically_and_count_them_once() {
        String id = running();
        String path = "/api/v1/experiments/" + id + "/assign?unit=session-42";

        JsonNode first = send("GET", path, OPERATOR, "").json();
        JsonNode again = send("GET", path, OPERATOR, "").json();

        assertThat(first.get("firstExposure").asBoolean()).isTrue();
        assertThat(again.get("firstExposure").asBoolean()).isFalse();
        assertThat(again.get("variant").asText()).isEqualTo(first.get("variant").asText());
        assertThat(again.get("version").asText()).isIn("1.0.0", "1.1.0");
        assertThat(send("GET", path, VIEWER, "").status()).isEqualTo(403);
        JsonNode exposures = get("/api/v1/experiments/" + id).json().get("exposures");
        assertThat(exposures.get("A").asLong() + exposures.get("B").asLong()).isEqualTo(1);
        assertProblem(
                send("GET", "/api/v1/experiments/" + id + "/assign", OPERATOR, ""),
                400,
                "urn:mcpver:problem:missing-parameter",
                "unit");
    }

    @Test
    void should_stop_once_and_then_refuse_with_no_allowed_next_state() {
        String id = running();

        Reply stopped = post("/api/v1/experiments/" + id + "/stop", "{\"reason\":\"enough\"}");
        Reply again = post("/api/v1/experiments/" + id + "/stop", "");

        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().at("/stop/reason").asText()).isEqualTo("enough");
        assertProblem(again, 409, "urn:mcpver:problem:invalid-transition", "stopped");
        assertThat(again.json().get("allowedNextStates").size()).isZero();
        assertProblem(get("/api/v1/experiments/nope"), 404, "urn:mcpver:problem:experiment-not-found", "nope");
    }

    @Test
    void should_answer_the_sample_size_of_the_spec_example() {
        Reply reply = send(
                "POST",
                "/api/v1/sample-size",
                VIEWER,
                "{\"kind\":\"binary\",\"baseline\":0.10,\"mde\":0.02,\"mdeType\":\"absolute\",\"alpha\":0.05,"
                        + "\"power\":0.8,\"comparisons\":1}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("perVariant").asLong()).isEqualTo(3841);
        assertThat(reply.json().get("perVariantExact").asDouble()).isBetween(3840.84, 3840.85);
        assertProblem(
                send(
                        "POST",
                        "/api/v1/sample-size",
                        VIEWER,
                        "{\"kind\":\"continuous\",\"baseline\":1," + "\"mde\":0.1,\"mdeType\":\"absolute\"}"),
                400,
                "urn:mcpver:problem:invalid-experiment-input",
                "/stddev");
    }

    @Test
    void should_write_a_recommendation_that_follows_the_decision() {
        String id = running();
        post("/api/v1/experiments/" + id + "/metrics", calls(50, 0, 5));

        Reply reply = send("POST", "/api/v1/experiments/" + id + "/recommendation", VIEWER, "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/decision/action").asText()).isEqualTo("continue");
        assertThat(reply.json().get("resolution").asText()).isEqualTo("accepted");
        assertThat(reply.json().get("writer").asText()).isEqualTo("template");
        assertThat(reply.json().get("narrative").asText()).startsWith("Decision: continue");
    }

    @Test
    void should_refuse_a_body_beyond_the_request_limit() {
        String id = running();
        String huge = calls(4000, 0, 6); // about 1.5 MB against a 1 MiB limit in this test

        Reply reply = post("/api/v1/experiments/" + id + "/metrics", huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
