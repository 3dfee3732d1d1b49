package dev.mcpver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fat jar, started as users start it. */
class ServeIT {
    @TempDir
    Path directory;

    @Test
    void should_serve_health_with_a_fresh_database_and_stop_cleanly_on_sigterm() throws Exception {
        Path db = directory.resolve("nested/mcpver.db");
        // A supplied bootstrap token: without one, the first start shows a generated token on stdout
        // (BootstrapTokenIT).
        Map<String, String> env = Map.of("MCPVER_BOOTSTRAP_TOKEN", "it-bootstrap-token-0123456789abcdef0123");
        try (JarProcess serve = JarProcess.start(env, "serve", "--port", "0", "--db", db.toString())) {
            int port = serve.awaitPort(Duration.ofSeconds(30));
            HttpTestClient client = new HttpTestClient(port);

            assertThat(client.get("/health").status()).isEqualTo(200);
            assertThat(client.get("/ready").json().get("status").asText()).isEqualTo("ready");
            assertThat(Files.exists(db)).isTrue();

            serve.terminate();
            assertThat(serve.waitFor(Duration.ofSeconds(15))).isIn(0, 143);
            assertThat(serve.stdoutLines())
                    .as("stdout stays free for the stdio MCP protocol")
                    .isEmpty();
            assertThat(serve.logEvents())
                    .as("every stderr line is a JSON object")
                    .isNotEmpty();
            assertThat(serve.stderrLines()).anyMatch(line -> line.contains("\"operation\":\"APP_STOP\""));
        }
    }

    @Test
    void should_exit_2_with_one_line_for_an_invalid_setting() throws Exception {
        try (JarProcess serve = JarProcess.start(Map.of("MCPVER_PORT", "seventy"), "serve")) {
            assertThat(serve.waitFor(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(serve.stderrLines())
                    .containsExactly(
                            "mcpver: invalid configuration: MCPVER_PORT=\"seventy\": not a port number (0-65535)");
        }
    }

    @Test
    void should_print_its_version() throws Exception {
        try (JarProcess version = JarProcess.start(Map.of(), "--version")) {
            assertThat(version.waitFor(Duration.ofSeconds(30))).isZero();
            assertThat(version.stdoutLines()).containsExactly("mcpver " + BuildInfo.version());
        }
    }
}
