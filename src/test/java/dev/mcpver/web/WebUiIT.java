package dev.mcpver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.testing.BrowserTests;
import dev.mcpver.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real browser: headless Chromium driven by playwright-core (src/test/web) against the fat jar.
 * Screenshots land in target/ui-screenshots.
 */
class WebUiIT {
    private static final String TOKEN = "mcpver-ui-test-admin-token-0123456789";

    @TempDir
    Path directory;

    @Test
    void should_pass_every_browser_scenario_without_console_errors() throws Exception {
        BrowserTests.assumeAvailable();
        Map<String, String> env = Map.of("MCPVER_BOOTSTRAP_TOKEN", TOKEN);
        try (JarProcess serve = JarProcess.start(
                env, "serve", "--port", "0", "--db", directory.resolve("ui.db").toString())) {
            int port = serve.awaitPort(Duration.ofSeconds(30));

            BrowserTests.Run run =
                    BrowserTests.run("http://127.0.0.1:" + port, TOKEN, Path.of("target/ui-screenshots"));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.report().get("failed")).as(run.output()).isEmpty();
            assertThat(run.report().get("consoleErrors")).as(run.output()).isEmpty();
            assertThat(run.report().get("passed").size()).isGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void should_show_the_demo_data_set_when_serving_the_demo() throws Exception {
        BrowserTests.assumeAvailable();
        Map<String, String> env = Map.of("MCPVER_BOOTSTRAP_TOKEN", TOKEN);
        try (JarProcess serve = JarProcess.start(
                env,
                "serve",
                "--demo",
                "--port",
                "0",
                "--home",
                directory.resolve("home").toString())) {
            int port = serve.awaitPort(Duration.ofSeconds(60));

            BrowserTests.Run run =
                    BrowserTests.run("http://127.0.0.1:" + port, TOKEN, Path.of("target/ui-screenshots"), "demo-data");

            assertThat(run.report().get("passed").toString()).as(run.output()).contains("demo-data");
            assertThat(run.report().get("consoleErrors")).as(run.output()).isEmpty();
            assertThat(directory.resolve("home/demo.db")).exists();
        }
    }
}
