package dev.mcpver.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Runs a short-lived helper command (npm) with a timeout, capturing a bounded amount of its output. */
final class Processes {
    private static final int MAX_OUTPUT = 64 * 1024;

    /** How a command ended. */
    record Result(int exitCode, String output) {}

    private Processes() {}

    static Result run(List<String> command, Path directory, Map<String, String> env, Duration timeout) {
        Path log = null;
        try {
            log = Files.createTempFile("mcpver-cmd", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), readBounded(log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            deleteQuietly(log);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String readBounded(Path log) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary log left behind is harmless
        }
    }

    /** Whether an executable answers {@code --version}. */
    static boolean available(String executable) {
        try {
            return run(List.of(executable, "--version"), Path.of("."), Map.of(), Duration.ofSeconds(30))
                            .exitCode()
                    == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
