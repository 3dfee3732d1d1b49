package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpver.json.Json;
import dev.mcpver.testing.JarProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/mcpver}: the launcher MCP hosts are told to use; its first run writes the CDS archive. */
class McpLauncherIT {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"l\",\"version\":\"1\"}}}\n";

    @TempDir
    Path directory;

    @Test
    void should_answer_over_stdio_and_reuse_the_archive_it_wrote_on_the_first_run() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path cache = directory.resolve("cds");

        List<String> first = initializeThroughLauncher(cache);
        List<Path> archives = archives(cache);
        List<String> second = initializeThroughLauncher(cache);

        assertThat(first).hasSize(1);
        assertThat(Json.read(first.get(0)).at("/result/serverInfo/name").asText())
                .isEqualTo("mcpver");
        assertThat(archives)
                .singleElement()
                .satisfies(a -> assertThat(a.getFileName().toString()).startsWith("mcpver-mcp-"));
        assertThat(second)
                .as("stdout carries the protocol only, also when the archive is used")
                .isEqualTo(first);
        assertThat(archives(cache)).isEqualTo(archives);
    }

    private List<String> initializeThroughLauncher(Path cache) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "bin/mcpver", "mcp", "--db", directory.resolve("l.db").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("MCPVER_CDS_DIR", cache.toString());
        builder.environment()
                .put("MCPVER_JAR", JarProcess.jar().toAbsolutePath().toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return lines;
    }

    private static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).sorted().toList();
        }
    }
}
