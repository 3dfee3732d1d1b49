package dev.mcpver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.json.Json;
import dev.mcpver.signing.Ed25519;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.HttpTestClient.Reply;
import dev.mcpver.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The registry API on a real port, walked through as one story (the tests share one server). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryHttpTest {
    static final String ROOT = "root-token-for-registry-tests-0123456789";
    static final String SERVER = """
            {"name":"io.github.acme/weather","description":"forecasts","category":"weather","tags":["demo"],
             "owner":"team-a","repository":"https://github.com/acme/weather",
             "launch":{"transport":"stdio","command":"npx","args":["-y","@acme/weather"]},
             "packages":[{"registryType":"npm","identifier":"@acme/weather","transport":"stdio",
               "environmentVariables":[{"name":"API_KEY","description":"key","isRequired":true,"isSecret":true}]}]}
            """;

    @TempDir
    static Path directory;

    static App app;
    static HttpTestClient client;
    static String operator;
    static String viewer;
    static String serverId;
    static String versionId;
    static KeyPair key = Ed25519.generate(new SecureRandom());

    @BeforeAll
    static void start() {
        Map<String, String> env = Map.of(
                "MCPVER_BOOTSTRAP_TOKEN",
                ROOT,
                "MCPVER_DB",
                TestDatabases.sqliteUrl(directory),
                "MCPVER_HOME",
                directory.toString());
        app = new App(AppConfig.load(env, Map.of("port", "0"))).start();
        client = new HttpTestClient(app.port());
        operator = token("ops", "operator");
        viewer = token("view", "viewer");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String token(String name, String role) {
        return send("POST", "/api/v1/tokens", ROOT, "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")
                .json()
                .get("secret")
                .asText();
    }

    static Reply send(String method, String path, @Nullable String token, @Nullable String body) {
        return send(method, path, token, body, Map.of());
    }

    static Reply send(
            String method, String path, @Nullable String token, @Nullable String body, Map<String, String> headers) {
        return client.send(method, path, token, body, headers);
    }

    static String version(String version, String extra) {
        return "{\"version\":\"" + version + "\",\"changelog\":\"c\",\"dependencies\":{\"zod\":\"^3.23.0\"},"
                + "\"artifact\":{\"kind\":\"package\",\"location\":\"npm:@acme/weather@" + version + "\",\"sha256\":\""
                + "ab".repeat(32) + "\"}" + extra + "}";
    }

    static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(reply.json().get("detail").asText()).contains(detail);
    }

    @Test
    @Order(1)
    void should_let_only_operators_register_servers() {
        assertProblem(send("POST", "/api/v1/servers", null, SERVER), 401, "operator role");
        assertProblem(send("POST", "/api/v1/servers", viewer, SERVER), 403, "operator role");

        Reply created = send("POST", "/api/v1/servers", operator, SERVER);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json().get("name").asText()).isEqualTo("io.github.acme/weather");
        assertThat(created.json()
                        .at("/packages/0/environmentVariables/0/isSecret")
                        .asBoolean())
                .isTrue();
        serverId = created.json().get("id").asText();
        assertProblem(send("POST", "/api/v1/servers", operator, SERVER), 409, "exists already");
    }

    @Test
    @Order(2)
    void should_refuse_invalid_server_definitions_naming_the_field() {
        String secretInLaunch = SERVER.replace(
                        "\"args\":[\"-y\",\"@acme/weather\"]", "\"args\":[],\"env\":{\"API_KEY\":\"hunter2\"}")
                .replace("acme/weather\",\"desc", "acme/w2\",\"desc");

        assertProblem(send("POST", "/api/v1/servers", operator, secretInLaunch), 400, "launch.env.API_KEY");
        assertProblem(send("POST", "/api/v1/servers", operator, "{\"name\":\"x\"}"), 400, "owner");
    }

    @Test
    @Order(3)
    void should_filter_servers_and_serve_anonymous_reads_on_loopback() {
        Reply all = send("GET", "/api/v1/servers?category=weather&limit=10", null, null);
        Reply none = send("GET", "/api/v1/servers?tag=nothing", null, null);

        assertThat(all.json().get("total").asInt()).isEqualTo(1);
        assertThat(none.json().get("items")).isEmpty();
        assertProblem(send("GET", "/api/v1/servers?limit=0", null, null), 400, "limit");
    }

    @Test
    @Order(4)
    void should_update_a_server_only_with_the_revision_it_read() {
        String changed = SERVER.replace("forecasts", "better forecasts");

        assertThat(send("PUT", "/api/v1/servers/" + serverId, operator, changed).status())
                .isEqualTo(428);
        assertThat(send("PUT", "/api/v1/servers/" + serverId, operator, changed, Map.of("If-Match", "\"7\""))
                        .status())
                .isEqualTo(412);
        Reply ok = send("PUT", "/api/v1/servers/" + serverId, operator, changed, Map.of("If-Match", "\"1\""));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    @Order(5)
    void should_register_versions_and_refuse_bad_ones() {
        Reply first = send("POST", "/api/v1/servers/" + serverId + "/versions", operator, version("1.0.0", ""));
        Reply range = send("POST", "/api/v1/servers/" + serverId + "/versions", operator, version("^1.2.0", ""));
        Reply badDep = send(
                "POST",
                "/api/v1/servers/" + serverId + "/versions",
                operator,
                version("1.1.0", "").replace("^3.23.0", "not a range"));
        Reply duplicate = send("POST", "/api/v1/servers/" + serverId + "/versions", operator, version("1.0.0+b", ""));
        Reply missing = send("POST", "/api/v1/servers/nope/versions", operator, version("1.0.0", ""));

        assertThat(first.status()).as(first.text() + " " + serverId).isEqualTo(201);
        assertThat(first.json().get("stage").asText()).isEqualTo("development");
        versionId = first.json().get("id").asText();
        assertProblem(range, 400, "is not a SemVer version");
        assertProblem(badDep, 400, "dependencies.zod");
        assertProblem(duplicate, 409, "already has version 1.0.0");
        assertProblem(missing, 404, "no server");
    }

    @Test
    @Order(6)
    void should_list_versions_by_precedence_with_stage_filter_and_paging() {
        send("POST", "/api/v1/servers/" + serverId + "/versions", operator, version("1.10.0", ""));
        send("POST", "/api/v1/servers/" + serverId + "/versions", operator, version("1.9.0", ""));

        Reply page = send("GET", "/api/v1/servers/" + serverId + "/versions?limit=2&offset=1", null, null);
        Reply staged = send("GET", "/api/v1/servers/" + serverId + "/versions?stage=staging", null, null);
        Reply byNumber = send("GET", "/api/v1/servers/" + serverId + "/versions/1.9.0", null, null);

        assertThat(page.json().get("total").asInt()).isEqualTo(3);
        assertThat(page.json().get("items"))
                .extracting(v -> v.get("version").asText())
                .containsExactly("1.9.0", "1.0.0");
        assertThat(staged.json().get("items")).isEmpty();
        assertThat(byNumber.json().get("previousVersion").asText()).isEqualTo("1.0.0");
        assertThat(byNumber.json().get("declaredBump").asText()).isEqualTo("minor");
    }

    @Test
    @Order(7)
    void should_answer_an_invalid_transition_with_409_naming_the_allowed_next_states() {
        Reply skip = send("POST", "/api/v1/versions/" + versionId + "/transition", operator, "{\"to\":\"production\"}");
        Reply bogus = send("POST", "/api/v1/versions/" + versionId + "/transition", operator, "{\"to\":\"live\"}");
        Reply asViewer = send("POST", "/api/v1/versions/" + versionId + "/transition", viewer, "{\"to\":\"testing\"}");

        assertProblem(skip, 409, "allowed next states: testing, archived");
        assertThat(skip.json().get("allowedNextStates"))
                .extracting(JsonNode::asText)
                .containsExactly("testing", "archived");
        assertProblem(bogus, 400, "not a stage");
        assertThat(asViewer.status()).isEqualTo(403);
    }

    @Test
    @Order(8)
    void should_refuse_production_with_a_422_carrying_the_full_gate_report() {
        move("testing");
        move("staging");

        Reply refused =
                send("POST", "/api/v1/versions/" + versionId + "/transition", operator, "{\"to\":\"production\"}");

        assertProblem(refused, 422, "signature");
        JsonNode report = refused.json().get("report");
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("results"))
                .extracting(r -> r.get("gate").asText())
                .contains(
                        "signature",
                        "checksum",
                        "compatibility",
                        "vulnerabilities",
                        "attestations",
                        "compliance",
                        "security-score");
        assertThat(send("GET", "/api/v1/versions/" + versionId + "/gates", null, null)
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    @Order(9)
    void should_accept_only_signatures_that_verify_with_a_registered_key() {
        String pem = Ed25519.publicPem(key.getPublic()).replace("\n", "\\n");
        assertThat(send("POST", "/api/v1/keys", operator, "{\"id\":\"release\",\"publicKey\":\"" + pem + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/keys", ROOT, "{\"id\":\"release\",\"publicKey\":\"" + pem + "\"}")
                        .status())
                .isEqualTo(201);
        assertProblem(send("POST", "/api/v1/keys", ROOT, "{\"id\":\"bad\",\"publicKey\":\"nope\"}"), 400, "publicKey");
        String canonical = send("GET", "/api/v1/versions/" + versionId + "/manifest", null, null)
                .json()
                .get("canonical")
                .asText();
        String signature = Ed25519.sign(key.getPrivate(), canonical.getBytes(StandardCharsets.UTF_8));
        String forged = Ed25519.sign(
                Ed25519.generate(new SecureRandom()).getPrivate(), canonical.getBytes(StandardCharsets.UTF_8));

        Reply bad = send(
                "POST",
                "/api/v1/versions/" + versionId + "/signatures",
                operator,
                "{\"keyId\":\"release\",\"signature\":\"" + forged + "\"}");
        Reply good = send(
                "POST",
                "/api/v1/versions/" + versionId + "/signatures",
                operator,
                "{\"keyId\":\"release\",\"signature\":\"" + signature + "\"}");

        assertProblem(bad, 422, "does not verify");
        assertThat(good.status()).isEqualTo(201);
        assertThat(send("GET", "/api/v1/versions/" + versionId + "/signatures/verify", null, null)
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    @Order(10)
    void should_promote_once_the_gates_pass() {
        attest("coverage", "{\"percent\": 88}");
        attest("code-quality", "{\"passed\": true}");
        assertProblem(
                send(
                        "POST",
                        "/api/v1/versions/" + versionId + "/attestations",
                        operator,
                        "{\"kind\":\"coverage\",\"value\":{\"percent\":140}}"),
                400,
                "percent");

        Reply promoted = move("production");

        assertThat(promoted.status()).as(promoted.text()).isEqualTo(200);
        assertThat(promoted.json().at("/version/stage").asText()).isEqualTo("production");
        assertThat(promoted.json().at("/gateReport/passed").asBoolean()).isTrue();
        assertThat(promoted.json().at("/gateReport/score").asInt()).isGreaterThanOrEqualTo(80);
    }

    @Test
    @Order(11)
    void should_require_an_admin_to_reinstate_a_deprecated_version() {
        move("deprecated");

        Reply asOperator =
                send("POST", "/api/v1/versions/" + versionId + "/transition", operator, "{\"to\":\"production\"}");

        assertProblem(asOperator, 403, "needs the admin role");
    }

    @Test
    @Order(12)
    void should_show_which_advisories_hit_which_versions() {
        Reply imported = send("POST", "/api/v1/advisories", operator, """
                [{"id":"GHSA-zod","modified":"2026-01-01T00:00:00Z","summary":"zod bug","affected":[
                  {"package":{"ecosystem":"npm","name":"zod"},"ranges":[{"type":"SEMVER",
                    "events":[{"introduced":"3.0.0"},{"fixed":"3.23.5"}]}]}]},
                 {"summary":"no id"}]
                """);

        Reply hits = send("GET", "/api/v1/vulnerabilities?serverId=" + serverId, null, null);

        assertThat(imported.json().get("inserted").asInt()).isEqualTo(1);
        assertThat(imported.json().get("errors").get(0).asText()).contains("body[1]");
        assertThat(hits.json().get("items")).hasSize(3);
        assertThat(hits.json().at("/items/0/hits/0/rangeAdmitsFix").asBoolean()).isTrue();
    }

    @Test
    @Order(13)
    void should_let_admins_manage_compliance_rules_and_reject_bad_cel() {
        String rule = "{\"name\":\"changelog\",\"scope\":\"global\",\"severity\":\"high\","
                + "\"expression\":\"size(version.changelog) > 0\",\"message\":\"write one\"}";

        assertThat(send("POST", "/api/v1/compliance/rules", operator, rule).status())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/compliance/rules", ROOT, rule).status())
                .isEqualTo(201);
        assertProblem(
                send(
                        "POST",
                        "/api/v1/compliance/rules",
                        ROOT,
                        rule.replace("size(version.changelog) > 0", "version +")),
                400,
                "expression");
        assertProblem(
                send("POST", "/api/v1/compliance/rules", ROOT, rule.replace("size(version.changelog) > 0", "1 + 1")),
                400,
                "bool");
        assertThat(send("GET", "/api/v1/versions/" + versionId + "/compliance", null, null)
                        .json()
                        .at("/results/0/passed")
                        .asBoolean())
                .isTrue();
    }

    @Test
    @Order(14)
    void should_answer_alerts_and_the_lifecycle_table() {
        Reply alerts = send("GET", "/api/v1/alerts", null, null);
        Reply table = send("GET", "/api/v1/lifecycle", null, null);

        assertThat(alerts.status()).isEqualTo(200);
        assertThat(alerts.json().get("items")).isNotNull();
        assertThat(table.json().get("transitions")).hasSize(11);
        assertThat(table.json().get("scoreThreshold").asInt()).isEqualTo(80);
    }

    private static Reply move(String to) {
        return send("POST", "/api/v1/versions/" + versionId + "/transition", operator, "{\"to\":\"" + to + "\"}");
    }

    private static void attest(String kind, String value) {
        Reply reply = send(
                "POST",
                "/api/v1/versions/" + versionId + "/attestations",
                operator,
                "{\"kind\":\"" + kind + "\",\"value\":" + value + "}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(Json.read(reply.text()).get("kind").asText()).isEqualTo(kind);
    }
}
