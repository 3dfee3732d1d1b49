package dev.mcpver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The fat jar run as a real process, as users run it; for integration tests (failsafe sets {@code mcpver.jar}). */
public final class JarProcess implements AutoCloseable {
    private final Process process;
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final List<String> stdout = new CopyOnWriteArrayList<>();

    private final List<Thread> pumps = new ArrayList<>();

    private JarProcess(Process process) {
        this.process = process;
        pumps.add(pump(process.getErrorStream(), stderr));
        pumps.add(pump(process.getInputStream(), stdout));
    }

    public static Path jar() {
        return Path.of(System.getProperty("mcpver.jar", "target/mcpver.jar"));
    }

    public static JarProcess start(Map<String, String> env, String... args) {
        // The launcher's JIT and GC choices (bin/mcpver): integration tests start the jar dozens of times, and C1
        // with the serial GC cuts each start's CPU by a third on a 2-core CI machine.
        List<String> command = new ArrayList<>(
                List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        try {
            return new JarProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the HTTP_START log line and returns the bound port. */
    public int awaitPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : stderr) {
                if (line.contains("\"operation\":\"HTTP_START\"")) {
                    return Json.read(line).get("port").asInt();
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("process exited with " + process.exitValue() + ": " + stderr);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no HTTP_START within " + timeout + ": " + stderr);
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("process still running after " + timeout);
        }
        for (Thread pump : pumps) {
            pump.join(5_000); // the last lines are read after the process exits
        }
        return process.exitValue();
    }

    /**
     * SIGTERM, as a service manager stops it. Through the process handle: {@link Process#destroy()} also closes our
     * ends of the pipes, which would lose what the process logs while it shuts down.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: no shutdown hook runs (crash-safety tests). */
    public void kill() {
        process.destroyForcibly();
    }

    public Process process() {
        return process;
    }

    public List<String> stderrLines() {
        return List.copyOf(stderr);
    }

    public List<String> stdoutLines() {
        return List.copyOf(stdout);
    }

    /** Every stderr line parsed as JSON; fails on a line that is not. */
    public List<JsonNode> logEvents() {
        return stderr.stream().map(Json::read).toList();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Thread pump(java.io.InputStream stream, List<String> sink) {
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            sink.add(line);
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                },
                "jar-process-pump");
        pump.setDaemon(true);
        pump.start();
        return pump;
    }
}
