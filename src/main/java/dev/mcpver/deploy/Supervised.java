package dev.mcpver.deploy;

import dev.mcpver.BuildInfo;
import dev.mcpver.migrate.ServerHandle;
import dev.mcpver.rollback.LaunchSpec;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One process the supervisor runs, with its MCP session (opened once, reused by every probe). Thread-safe. */
final class Supervised {
    private static final int TAIL_LINES = 40;

    private volatile ServerHandle handle;
    private final Process process;
    private final LaunchSpec launch;
    private final McpJsonMapper json;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Object openLock = new Object();
    private volatile @Nullable McpSyncClient client;
    private volatile @Nullable McpSyncClient opening;
    private volatile McpSchema.@Nullable InitializeResult initialized;

    Supervised(ServerHandle handle, Process process, LaunchSpec launch, McpJsonMapper json) {
        this.handle = handle;
        this.process = process;
        this.launch = launch;
        this.json = json;
        pump(process.getErrorStream(), "stderr");
        if (launch.transport() == LaunchSpec.Transport.HTTP) {
            pump(process.getInputStream(), "stdout");
        }
    }

    ServerHandle handle() {
        return handle;
    }

    void role(ServerHandle.Role role) {
        ServerHandle h = handle;
        handle = new ServerHandle(h.id(), h.deployment(), role, h.releaseDir(), h.pid(), h.transport(), h.url());
    }

    Process process() {
        return process;
    }

    LaunchSpec launch() {
        return launch;
    }

    /**
     * The initialized MCP session, opening it on first use. Opening holds {@code openLock}, never this object's
     * monitor, so {@link #closeSession} can abort a handshake that hangs.
     */
    McpSyncClient session(Duration timeout) {
        McpSyncClient ready = client;
        if (ready != null) {
            return ready;
        }
        synchronized (openLock) {
            if (client != null) {
                return client;
            }
            McpSyncClient opened = McpClient.sync(transport())
                    .requestTimeout(timeout)
                    .initializationTimeout(timeout)
                    .clientInfo(new McpSchema.Implementation("mcpver", BuildInfo.version()))
                    .build();
            opening = opened;
            try {
                initialized = opened.initialize();
                client = opened;
                return opened;
            } catch (RuntimeException e) {
                closeQuietly(opened);
                throw e;
            } finally {
                opening = null;
            }
        }
    }

    McpSchema.@Nullable InitializeResult initializeResult() {
        return initialized;
    }

    private McpClientTransport transport() {
        if (launch.transport() == LaunchSpec.Transport.STDIO) {
            return new ProcessStdioTransport(process, json);
        }
        URI url = URI.create(Objects.requireNonNull(launch.url()));
        String base = url.getScheme() + "://" + url.getRawAuthority();
        String endpoint = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/mcp" : url.getRawPath();
        return HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint)
                .jsonMapper(json)
                .build();
    }

    void closeSession() {
        McpSyncClient open = client;
        McpSyncClient pending = opening;
        client = null;
        initialized = null;
        closeQuietly(pending);
        closeQuietly(open);
    }

    private static void closeQuietly(@Nullable McpSyncClient session) {
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // the process is going away anyway
            }
        }
    }

    /** The last lines the server wrote to stderr (and stdout for HTTP servers), for failure messages. */
    String tail() {
        synchronized (tail) {
            return String.join(" | ", tail);
        }
    }

    private void pump(InputStream stream, String name) {
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            remember(line);
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                },
                "mcp-" + name + "-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line.length() > 300 ? line.substring(0, 300) + "…" : line);
        }
    }
}
