package dev.mcpver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.JarProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first admin token of a real process: shown once on stdout, never in the logs, never again. */
class BootstrapTokenIT {
    @TempDir
    Path directory;

    @Test
    void should_show_a_generated_admin_token_once_on_stdout_and_never_log_it() throws Exception {
        String db = directory.resolve("mcpver.db").toString();
        String secret;
        try (JarProcess first = JarProcess.start(Map.of(), "serve", "--port", "0", "--db", db)) {
            int port = first.awaitPort(Duration.ofSeconds(30));
            secret = awaitSecret(first);
            assertThat(whoami(port, secret)).contains("\"role\":\"admin\"");
            first.terminate();
            first.waitFor(Duration.ofSeconds(15));
            assertThat(first.stderrLines()).noneMatch(line -> line.contains(secret));
            assertThat(first.stderrLines()).anyMatch(line -> line.contains("\"operation\":\"TOKEN_BOOTSTRAP\""));
        }
        try (JarProcess second = JarProcess.start(Map.of(), "serve", "--port", "0", "--db", db)) {
            int port = second.awaitPort(Duration.ofSeconds(30));
            assertThat(whoami(port, secret)).contains("\"role\":\"admin\"");
            second.terminate();
            second.waitFor(Duration.ofSeconds(15));
            assertThat(second.stdoutLines()).isEmpty();
        }
    }

    private static String awaitSecret(JarProcess process) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<String> lines = process.stdoutLines();
            if (lines.size() >= 2) {
                assertThat(lines.get(0)).contains("shown only this once");
                return lines.get(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no token on stdout: " + process.stdoutLines());
    }

    private static String whoami(int port, String token) {
        HttpTestClient client = new HttpTestClient(port);
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/auth/whoami"))
                        .header("Authorization", "Bearer " + token)
                        .build())
                .text();
    }
}
