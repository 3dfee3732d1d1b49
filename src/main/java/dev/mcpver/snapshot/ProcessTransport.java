package dev.mcpver.snapshot;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The stdio transport of a snapshot: starts the server process with a controlled environment and reports — at once,
 * through {@link #failure()} — when it exits, closes stdout or writes a line that is not JSON-RPC (the SDK's own
 * stdio transport only logs such lines and leaves requests waiting for their timeout).
 */
final class ProcessTransport implements McpClientTransport {
    private static final int MAX_LINE = 16 << 20;
    private static final int STDERR_LINES = 20;

    private final LaunchSpec.Stdio spec;
    private final McpJsonMapper mapper;
    private final Map<String, String> parentEnv;
    private final CompletableFuture<Void> failure = new CompletableFuture<>();
    private final Deque<String> stderr = new ArrayDeque<>();
    private volatile @Nullable Process process;
    private volatile boolean closing;
    private @Nullable Path temporaryDirectory;

    ProcessTransport(LaunchSpec.Stdio spec, McpJsonMapper mapper, Map<String, String> parentEnv) {
        this.spec = spec;
        this.mapper = mapper;
        this.parentEnv = parentEnv;
    }

    /** Completes exceptionally with a {@link SnapshotException} when the server can no longer answer. */
    CompletableFuture<Void> failure() {
        return failure;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return Mono.fromRunnable(() -> start(handler));
    }

    private void start(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        List<String> command = new ArrayList<>();
        command.add(spec.command());
        command.addAll(spec.args());
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory().toFile());
        environment(builder.environment());
        try {
            Process started = builder.start();
            process = started;
            daemon("mcpver-snapshot-stdout", () -> readStdout(started, handler));
            daemon("mcpver-snapshot-stderr", () -> readStderr(started));
            started.onExit().thenRun(() -> exited(started));
        } catch (IOException e) {
            fail("cannot start '" + spec.command() + "': " + e.getMessage());
            throw new SnapshotException("cannot start '" + spec.command() + "': " + e.getMessage());
        }
    }

    private Path directory() {
        if (spec.workingDirectory() != null) {
            return spec.workingDirectory();
        }
        try {
            temporaryDirectory = Files.createTempDirectory("mcpver-snapshot-");
            return temporaryDirectory;
        } catch (IOException e) {
            throw new SnapshotException("cannot create a working directory: " + e.getMessage());
        }
    }

    /** Exactly the spec's variables, plus PATH (to find the command) — or the caller's environment from the CLI. */
    private void environment(Map<String, String> env) {
        env.clear();
        if (spec.inheritEnvironment()) {
            env.putAll(parentEnv);
        } else {
            for (String name : List.of("PATH", "SystemRoot")) {
                String value = parentEnv.get(name);
                if (value != null) {
                    env.put(name, value);
                }
            }
        }
        env.putAll(spec.env());
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void readStdout(
            Process started, Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !closing) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE) {
                    fail("the server sent a message larger than " + (MAX_LINE >> 20) + " MiB");
                    return;
                }
                dispatch(line, handler);
            }
            if (!closing) {
                waitBriefly(started);
                fail("the server closed its output" + exitDetail(started));
            }
        } catch (IOException e) {
            if (!closing) {
                fail("cannot read from the server: " + e.getMessage());
            }
        }
    }

    private void dispatch(
            String line, Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(mapper, line);
        } catch (IOException | RuntimeException e) {
            fail("the server wrote something that is not JSON-RPC on stdout: \"" + excerpt(line) + "\"");
            return;
        }
        handler.apply(Mono.just(message)).subscribe(reply -> {}, error -> {});
    }

    private void readStderr(Process started) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(started.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (stderr) {
                    if (stderr.size() == STDERR_LINES) {
                        stderr.removeFirst();
                    }
                    stderr.addLast(excerpt(line));
                }
            }
        } catch (IOException e) {
            // the process is gone; its exit is reported by exited()
        }
    }

    private void exited(Process started) {
        if (!closing) {
            waitBriefly(started);
            fail("the server exited" + exitDetail(started));
        }
    }

    /** Gives the stderr reader a moment so that the last line makes it into the message. */
    private static void waitBriefly(Process started) {
        try {
            started.waitFor(300, TimeUnit.MILLISECONDS);
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String exitDetail(Process started) {
        StringBuilder detail = new StringBuilder();
        if (!started.isAlive()) {
            detail.append(" with code ").append(started.exitValue());
        }
        String last = lastStderr();
        if (last != null) {
            detail.append(" (stderr: ").append(last).append(')');
        }
        return detail.toString();
    }

    private @Nullable String lastStderr() {
        synchronized (stderr) {
            for (var it = stderr.descendingIterator(); it.hasNext(); ) {
                String line = it.next();
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
        }
        return null;
    }

    private static String excerpt(String line) {
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    private void fail(String message) {
        failure.completeExceptionally(new SnapshotException(message));
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> write(message));
    }

    private void write(McpSchema.JSONRPCMessage message) {
        Process running = process;
        if (running == null) {
            throw new SnapshotException("the server is not running");
        }
        try {
            String json =
                    mapper.writeValueAsString(message).replace("\n", "\\n").replace("\r", "\\r");
            OutputStream stdin = running.getOutputStream();
            synchronized (stdin) {
                stdin.write(json.getBytes(StandardCharsets.UTF_8));
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException e) {
            fail("cannot write to the server: " + e.getMessage());
            throw new SnapshotException("cannot write to the server: " + e.getMessage());
        }
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::stop);
    }

    /** Closes stdin, gives the server a second to leave, then ends it and its children. */
    void stop() {
        closing = true;
        Process running = process;
        if (running != null) {
            try {
                running.getOutputStream().close();
                if (!running.waitFor(1, TimeUnit.SECONDS)) {
                    running.descendants().forEach(ProcessHandle::destroy);
                    running.destroy();
                    if (!running.waitFor(2, TimeUnit.SECONDS)) {
                        running.descendants().forEach(ProcessHandle::destroyForcibly);
                        running.destroyForcibly();
                    }
                }
            } catch (IOException e) {
                running.destroyForcibly();
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteTemporaryDirectory();
    }

    private void deleteTemporaryDirectory() {
        Path directory = temporaryDirectory;
        if (directory == null) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover empty temp directory is harmless
        }
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return mapper.convertValue(data, typeRef);
    }
}
