package dev.mcpver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.json.Json;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.HttpTestClient.Reply;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenAuditHttpTest {
    static final String ROOT = "root-token-for-tests-0123456789abcdef";

    @TempDir
    Path directory;

    private @Nullable App app;
    private HttpTestClient client;

    private HttpTestClient start(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("MCPVER_DB", TestDatabases.sqliteUrl(directory));
        app = new App(AppConfig.load(all, Map.of("port", "0"))).start();
        client = new HttpTestClient(app.port());
        return client;
    }

    private HttpTestClient start() {
        return start(Map.of("MCPVER_BOOTSTRAP_TOKEN", ROOT));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Reply send(String method, String path, @Nullable String token, @Nullable String body) {
        return client.send(method, path, token, body);
    }

    private String createToken(String name, String role) {
        Reply created = send("POST", "/api/v1/tokens", ROOT, "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("secret").asText();
    }

    @Test
    void should_let_the_bootstrap_admin_create_tokens_that_act_with_their_role() {
        start();

        Reply created = send("POST", "/api/v1/tokens", ROOT, "{\"name\":\"ci\",\"role\":\"operator\"}");
        String secret = created.json().get("secret").asText();
        Reply whoami = send("GET", "/api/v1/auth/whoami", secret, null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(secret).startsWith("mcpv_").hasSizeGreaterThan(40);
        assertThat(created.json().at("/token/role").asText()).isEqualTo("operator");
        assertThat(whoami.json().get("role").asText()).isEqualTo("operator");
        assertThat(whoami.json().get("subject").asText())
                .isEqualTo("token:" + created.json().at("/token/id").asText());
    }

    @Test
    void should_reserve_token_management_to_admins() {
        start();
        String operator = createToken("op", "operator");
        String viewer = createToken("view", "viewer");

        assertThat(send("POST", "/api/v1/tokens", operator, "{\"name\":\"x\",\"role\":\"admin\"}")
                        .status())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/tokens", viewer, null).status()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/tokens", null, "{\"name\":\"x\",\"role\":\"admin\"}")
                        .status())
                .isEqualTo(401);
        assertThat(send("GET", "/api/v1/tokens", null, null).status()).isEqualTo(401);
    }

    @Test
    void should_list_tokens_without_secrets_or_hashes() {
        start();
        String secret = createToken("ci", "operator");

        Reply list = send("GET", "/api/v1/tokens", ROOT, null);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).hasSize(2);
        assertThat(list.text())
                .doesNotContain(secret)
                .doesNotContain(dev.mcpver.tokens.TokenHash.of(secret))
                .doesNotContain(ROOT);
    }

    @Test
    void should_stop_accepting_a_token_as_soon_as_it_is_revoked() {
        start();
        Reply created = send("POST", "/api/v1/tokens", ROOT, "{\"name\":\"ci\",\"role\":\"viewer\"}");
        String secret = created.json().get("secret").asText();
        String id = created.json().at("/token/id").asText();

        Reply revoked = send("DELETE", "/api/v1/tokens/" + id, ROOT, null);
        Reply after = send("GET", "/api/v1/auth/whoami", secret, null);
        Reply missing = send("DELETE", "/api/v1/tokens/nope", ROOT, null);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().at("/token/active").asBoolean()).isFalse();
        assertThat(after.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith(Problem.MEDIA_TYPE);
    }

    @Test
    void should_refuse_to_revoke_the_last_admin_token_with_a_409_problem() {
        start();
        String id = send("GET", "/api/v1/tokens", ROOT, null)
                .json()
                .at("/items/0/id")
                .asText();

        Reply refused = send("DELETE", "/api/v1/tokens/" + id, ROOT, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("last active admin token");
    }

    @Test
    void should_answer_bad_token_requests_with_400_naming_the_field() {
        start();

        Reply badRole = send("POST", "/api/v1/tokens", ROOT, "{\"name\":\"ci\",\"role\":\"root\"}");
        Reply noName = send("POST", "/api/v1/tokens", ROOT, "{\"role\":\"viewer\"}");

        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("detail").asText()).contains("role");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("detail").asText()).contains("name");
    }

    @Test
    void should_open_reads_to_anonymous_callers_only_when_configured() {
        start(Map.of("MCPVER_BOOTSTRAP_TOKEN", ROOT, "MCPVER_OPEN_READS", "false"));

        Reply anonymous = send("GET", "/api/v1/audit/verify", null, null);
        Reply authenticated = send("GET", "/api/v1/audit/verify", ROOT, null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(authenticated.status()).isEqualTo(200);
    }

    @Test
    void should_audit_every_token_change_and_verify_and_export_the_chain() {
        start();
        Reply created = send("POST", "/api/v1/tokens", ROOT, "{\"name\":\"ci\",\"role\":\"viewer\"}");
        send("DELETE", "/api/v1/tokens/" + created.json().at("/token/id").asText(), ROOT, null);

        Reply verify = send("GET", "/api/v1/audit/verify", null, null);
        Reply page = send("GET", "/api/v1/audit?limit=2", ROOT, null);
        Reply export = send("GET", "/api/v1/audit/export", ROOT, null);
        List<JsonNode> lines =
                Arrays.stream(export.text().split("\n")).map(Json::read).toList();

        assertThat(verify.json().get("valid").asBoolean()).isTrue();
        assertThat(verify.json().get("checked").asLong()).isEqualTo(3);
        assertThat(page.json().get("items")).hasSize(2);
        assertThat(page.json().get("next").asLong()).isEqualTo(2);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        assertThat(lines)
                .extracting(line -> line.get("action").asText())
                .containsExactly("token.bootstrap", "token.create", "token.revoke");
        assertThat(lines.get(2).get("requestId").asText()).isNotBlank();
        assertThat(lines.get(2).at("/before/revokedAt").isNull()).isTrue();
        assertThat(lines.get(2).at("/after/revokedAt").asText()).isNotBlank();
        assertThat(lines.get(1).get("prevHash").asText())
                .isEqualTo(lines.get(0).get("hash").asText());
        assertThat(export.text()).doesNotContain(ROOT);
    }

    @Test
    void should_generate_and_show_a_first_admin_token_once_on_a_console() {
        java.io.StringWriter console = new java.io.StringWriter();
        AppConfig config = AppConfig.load(Map.of("MCPVER_DB", TestDatabases.sqliteUrl(directory)), Map.of("port", "0"));
        try (App first = new App(config, new java.io.PrintWriter(console, true)).start()) {
            client = new HttpTestClient(first.port());
        }
        String shown = console.toString();
        String secret = shown.lines()
                .filter(line -> line.startsWith("mcpv_"))
                .findFirst()
                .orElseThrow();
        java.io.StringWriter second = new java.io.StringWriter();
        try (App again = new App(config, new java.io.PrintWriter(second, true)).start()) {
            client = new HttpTestClient(again.port());
            assertThat(send("GET", "/api/v1/auth/whoami", secret, null)
                            .json()
                            .get("role")
                            .asText())
                    .isEqualTo("admin");
        }

        assertThat(shown).contains("shown only this once");
        assertThat(second.toString()).isEmpty();
    }
}
