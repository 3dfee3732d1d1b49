package dev.mcpver.snapshot;

import dev.mcpver.json.Json;
import dev.mcpver.snapshot.fixtures.FixtureServer;
import dev.mcpver.snapshot.fixtures.ScriptedServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Launch specs for the fixture servers of the test classpath, and a snapshotter for tests. */
final class Fixtures {
    private Fixtures() {}

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> javaArgs(Class<?> main, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        all.addAll(List.of(args));
        return all;
    }

    static LaunchSpec.Stdio fixture(String version) {
        return new LaunchSpec.Stdio(java(), javaArgs(FixtureServer.class, version, "stdio"), Map.of(), null, false);
    }

    static LaunchSpec.Stdio scripted(String mode) {
        return new LaunchSpec.Stdio(java(), javaArgs(ScriptedServer.class, mode), Map.of(), null, false);
    }

    static Snapshotter snapshotter() {
        return new Snapshotter(Json.create(), System.getenv(), "test", Clock.systemUTC());
    }

    static SnapshotOptions quick() {
        return new SnapshotOptions(Duration.ofSeconds(60), Duration.ofSeconds(20), false, null, null);
    }

    /** A running HTTP fixture server; {@link #close()} ends the process. */
    static final class HttpFixture implements AutoCloseable {
        private final Process process;
        final URI url;

        HttpFixture(String version) {
            try {
                List<String> command = new ArrayList<>();
                command.add(java());
                command.addAll(javaArgs(FixtureServer.class, version, "http"));
                process = new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                if (line == null || !line.startsWith("PORT ")) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the HTTP fixture did not start: " + line);
                }
                url = URI.create("http://127.0.0.1:" + line.substring(5).strip() + "/mcp");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
