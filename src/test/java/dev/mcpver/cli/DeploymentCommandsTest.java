package dev.mcpver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.cli.CliTest.Run;
import dev.mcpver.fixtures.FixtureCatalog;
import dev.mcpver.fixtures.Fixtures;
import dev.mcpver.json.Json;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.testing.TestDatabases;
import dev.mcpver.tools.DeploymentViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy, rollback, migrate and migrate-config commands against a local database and home. */
class DeploymentCommandsTest {
    @TempDir
    Path directory;

    private Map<String, String> env() {
        return Map.of(
                "MCPVER_DB",
                TestDatabases.sqliteUrl(directory),
                "MCPVER_HOME",
                directory.resolve("home").toString(),
                "PATH",
                System.getenv("PATH"));
    }

    private void target(String version) {
        TargetRelease target = FixtureCatalog.target(directory.resolve("artifacts"), version, null);
        String json = "{\"server\":\"fixture\",\"version\":\"" + version + "\",\"artifact\":{\"kind\":\"directory\","
                + "\"location\":" + Json.write(target.artifact().location()) + "}}";
        assertThat(CliTest.run(env(), "deploy", "target", json).exit()).isZero();
    }

    @Test
    void should_deploy_snapshot_verify_and_restore_from_the_command_line() throws Exception {
        target("1.0.0");
        target("1.1.0");
        String launch = Json.write(DeploymentViews.launch(
                Fixtures.stdioLaunch(UlidCreator.getMonotonicUlid().toString())));
        Run registered = CliTest.run(
                env(),
                "deploy",
                "register",
                "fixture/staging",
                "--launch",
                launch,
                "--config",
                "A=1",
                "--secret",
                "TOKEN=env:SOME_TOKEN");
        assertThat(registered.exit()).as(registered.err()).isZero();
        assertThat(CliTest.run(env(), "deploy", "activate", "fixture/staging", "1.0.0")
                        .exit())
                .isEqualTo(2);
        assertThat(CliTest.run(env(), "deploy", "activate", "fixture/staging", "1.0.0", "--yes")
                        .exit())
                .isZero();

        Run created = CliTest.run(env(), "rollback", "create", "fixture/staging", "--tag", "manual");
        assertThat(created.exit()).as(created.err()).isZero();
        String pointId = Json.read(created.out()).path("id").asText();
        assertThat(Json.read(created.out()).at("/record/config/1/secretRef").asText())
                .isEqualTo("env:SOME_TOKEN");
        assertThat(CliTest.run(env(), "rollback", "verify", pointId).exit()).isZero();

        Run activated = CliTest.run(env(), "deploy", "activate", "fixture/staging", "1.1.0", "--yes");
        assertThat(activated.exit()).as(activated.err()).isZero();
        Run restored = CliTest.run(env(), "rollback", "restore", pointId, "--yes");
        assertThat(restored.exit()).as(restored.err()).isZero();
        JsonNode deployment = Json.read(
                CliTest.run(env(), "deploy", "show", "fixture/staging").out());
        assertThat(deployment.path("version").asText()).isEqualTo("1.0.0");

        Path blob = findBlob();
        Files.writeString(blob, "corrupted");
        Run broken = CliTest.run(env(), "rollback", "verify", pointId);
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(Json.read(broken.out()).path("problems").get(0).path("kind").asText())
                .isEqualTo("corrupted");
        assertThat(CliTest.run(env(), "rollback", "prune", "--dry-run").exit()).isZero();
        assertThat(CliTest.run(env(), "rollback", "history", "--deployment", "fixture/staging")
                        .out())
                .contains("\"verify\"");
    }

    @Test
    void should_dry_run_a_migration_with_a_progress_bar() {
        target("1.0.0");
        target("1.1.0");
        String launch = Json.write(DeploymentViews.launch(
                Fixtures.stdioLaunch(UlidCreator.getMonotonicUlid().toString())));
        CliTest.run(env(), "deploy", "register", "fixture/staging", "--launch", launch);
        CliTest.run(env(), "deploy", "activate", "fixture/staging", "1.0.0", "--yes");

        assertThat(CliTest.run(env(), "migrate", "run", "--deployment", "fixture/staging", "--to", "1.1.0")
                        .exit())
                .isEqualTo(2);
        Run dry = CliTest.run(env(), "migrate", "run", "--deployment", "fixture/staging", "--to", "1.1.0", "--dry-run");

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(Json.read(dry.out()).path("status").asText()).isEqualTo("succeeded");
        assertThat(dry.err()).contains("] ").contains("start_target").contains("migration succeeded");
    }

    @Test
    void should_pin_a_client_configuration_with_a_diff_and_a_backup() throws Exception {
        Path file = Files.writeString(
                directory.resolve("claude_desktop_config.json"),
                "{\"mcpServers\":{\"fixture\":{\"command\":\"npx\",\"args\":[\"-y\",\"fixture-mcp@1.0.0\"]}}}\n");

        Run run =
                CliTest.run(env(), "migrate-config", "--file", file.toString(), "--server", "fixture", "--to", "1.1.0");
        Run missing =
                CliTest.run(env(), "migrate-config", "--file", file.toString(), "--server", "nope", "--to", "1.1.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("-{\"mcpServers\"")
                .contains("+{\"mcpServers\"")
                .contains("fixture-mcp@1.1.0");
        assertThat(Files.readString(file)).contains("fixture-mcp@1.1.0");
        try (var files = Files.list(directory)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("claude_desktop_config.json.bak-")))
                    .hasSize(1);
        }
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("mcpver: no server named nope under mcpServers or servers");
    }

    private Path findBlob() throws Exception {
        try (var files = Files.walk(directory.resolve("home/rollback/blobs"))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().length() == 2)
                    .findFirst()
                    .orElseThrow();
        }
    }
}
