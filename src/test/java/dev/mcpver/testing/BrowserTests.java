package dev.mcpver.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the browser scenarios of src/test/web with node and Debian's Chromium. Locally they are skipped when node,
 * Chromium or the npm packages are missing; CI sets {@code MCPVER_REQUIRE_NODE_TESTS=1} so that a missing piece
 * fails instead of skipping.
 */
public final class BrowserTests {
    private static final Path WEB = Path.of("src/test/web");

    private BrowserTests() {}

    /** What the scenario runner printed and returned. */
    public record Run(int exitCode, String output, JsonNode report) {}

    public static void assumeAvailable() {
        NodeTools.require(
                WEB.resolve("node_modules/playwright-core").toFile().isDirectory(),
                "playwright-core is not installed (src/test/web: npm ci)");
        NodeTools.require(Files.isExecutable(chromium()), "Chromium is not installed at " + chromium());
    }

    public static Run run(String baseUrl, String token, Path screenshots) throws IOException, InterruptedException {
        return run(baseUrl, token, screenshots, "");
    }

    /** Runs only the named scenarios (comma-separated), explicit ones included; all but explicit ones when empty. */
    public static Run run(String baseUrl, String token, Path screenshots, String only)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        NodeTools.node(),
                        "ui-test.mjs",
                        baseUrl,
                        screenshots.toAbsolutePath().toString()))
                .directory(WEB.toFile())
                .redirectErrorStream(true);
        builder.environment().put("MCPVER_UI_TOKEN", token);
        builder.environment().put("MCPVER_UI_ONLY", only);
        builder.environment().put("CHROMIUM", chromium().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("browser scenarios did not finish in 5 minutes:\n" + output);
        }
        String last = output.strip().lines().reduce((first, second) -> second).orElse("{}");
        JsonNode report = last.startsWith("{") ? Json.read(last) : Json.read("{\"failed\":[\"no report\"]}");
        return new Run(process.exitValue(), output, report);
    }

    private static Path chromium() {
        String configured = System.getenv("CHROMIUM");
        return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    }

    /** Checks shared by every test that needs node (browser, MCP clients, npm reference servers). */
    public static final class NodeTools {
        private NodeTools() {}

        public static String node() {
            return "node";
        }

        /** Skips the test when a prerequisite is missing, unless CI demands that node-based tests run. */
        public static void require(boolean present, String missing) {
            if (!present && "1".equals(System.getenv("MCPVER_REQUIRE_NODE_TESTS"))) {
                throw new AssertionError(missing + " (MCPVER_REQUIRE_NODE_TESTS=1)");
            }
            assumeTrue(present, missing);
            assumeTrue(nodeAvailable(), "node is not on the PATH");
        }

        static boolean nodeAvailable() {
            try {
                Process process = new ProcessBuilder("node", "--version")
                        .redirectErrorStream(true)
                        .start();
                return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
