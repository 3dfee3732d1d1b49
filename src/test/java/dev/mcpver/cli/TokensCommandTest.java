package dev.mcpver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.cli.CliTest.Run;
import dev.mcpver.json.Json;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensCommandTest {
    @TempDir
    Path directory;

    private Map<String, String> env() {
        return Map.of("MCPVER_DB", TestDatabases.sqliteUrl(directory));
    }

    @Test
    void should_create_list_and_revoke_tokens_as_the_local_admin() {
        Run created = CliTest.run(env(), "tokens", "create", "--name", "ci", "--role", "operator");
        JsonNode token = Json.read(created.out()).get("token");
        Run listed = CliTest.run(env(), "tokens", "list");
        Run revoked = CliTest.run(env(), "tokens", "revoke", token.get("id").asText());
        Run missing = CliTest.run(env(), "tokens", "revoke", "nope");

        assertThat(created.exit()).isZero();
        assertThat(Json.read(created.out()).get("secret").asText()).startsWith("mcpv_");
        assertThat(token.get("createdBy").asText()).isEqualTo("local");
        assertThat(Json.read(listed.out()).get("items")).hasSize(1);
        assertThat(listed.out())
                .doesNotContain(Json.read(created.out()).get("secret").asText());
        assertThat(revoked.exit()).isZero();
        assertThat(Json.read(revoked.out()).at("/token/revokedBy").asText()).isEqualTo("local");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("mcpver: no token with id nope");
    }

    @Test
    void should_reject_an_unknown_role_with_exit_2() {
        Run bad = CliTest.run(env(), "tokens", "create", "--name", "ci", "--role", "root");

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("mcpver: --role: expected viewer, operator or admin, got \"root\"");
    }

    @Test
    void should_verify_the_audit_chain_and_export_it_as_json_lines() throws Exception {
        CliTest.run(env(), "tokens", "create", "--name", "a", "--role", "viewer");
        CliTest.run(env(), "tokens", "create", "--name", "b", "--role", "viewer");
        Path file = directory.resolve("audit.jsonl");

        Run verify = CliTest.run(env(), "audit", "verify");
        Run export = CliTest.run(env(), "audit", "export", "--out", file.toString());
        Run toStdout = CliTest.run(env(), "audit", "export");

        assertThat(verify.exit()).isZero();
        assertThat(Json.read(verify.out()).get("checked").asInt()).isEqualTo(2);
        assertThat(export.exit()).isZero();
        assertThat(Files.readAllLines(file))
                .hasSize(2)
                .allSatisfy(line -> assertThat(Json.read(line).get("hash")).isNotNull());
        assertThat(toStdout.out().lines()).hasSize(2);
    }

    @Test
    void should_exit_1_and_say_where_when_the_chain_was_tampered_with() {
        CliTest.run(env(), "tokens", "create", "--name", "a", "--role", "viewer");
        CliTest.run(env(), "tokens", "create", "--name", "b", "--role", "viewer");
        dev.mcpver.store.Database database = dev.mcpver.store.Database.openMigrated(TestDatabases.sqliteUrl(directory));
        database.jdbi().useHandle(h -> {
            h.execute("DROP TRIGGER audit_log_no_update");
            h.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 1");
        });

        Run verify = CliTest.run(env(), "audit", "verify");

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.err()).contains("entry 1 does not match its hash");
        assertThat(Json.read(verify.out()).at("/problems/0/kind").asText()).isEqualTo("EDITED");
    }
}
