package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON-RPC connection to an upstream server, shared by many gateway sessions: requests get ids unique on this
 * connection and their answers are matched back by id. The connection initializes the server once and keeps its
 * {@code initialize} result. Server-to-client requests are answered here ({@code ping}) or refused, since the gateway
 * cannot tell which agent they are meant for; notifications go to the {@link Listener}. Subclasses move messages:
 * {@link StdioUpstreamChannel} (newline-delimited JSON on the process's stdin/stdout) and
 * {@link HttpUpstreamChannel} (Streamable HTTP to the process's URL). Thread-safe.
 */
abstract class UpstreamChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamChannel.class);
    private static final int TAIL_LINES = 20;
    /** Protocol revision the gateway asks upstreams for. */
    static final String PROTOCOL_VERSION = "2025-06-18";

    /** What the channel reports to its owner. */
    interface Listener {
        void notification(UpstreamChannel channel, ObjectNode message);

        void closed(UpstreamChannel channel);
    }

    private final String version;
    private final Process process;
    protected final ObjectMapper mapper;
    private final Listener listener;
    private final Map<Long, CompletableFuture<ObjectNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private volatile boolean open = true;
    private volatile @Nullable ObjectNode initializeResult;

    UpstreamChannel(String version, Process process, ObjectMapper mapper, Listener listener) {
        this.version = version;
        this.process = process;
        this.mapper = mapper;
        this.listener = listener;
        daemon("gateway-upstream-stderr-" + process.pid(), () -> drain(process.getErrorStream()));
    }

    /** Sends one message to the server; an {@link IOException} means the connection is gone. */
    protected abstract void write(ObjectNode message) throws IOException;

    protected Process process() {
        return process;
    }

    String version() {
        return version;
    }

    long pid() {
        return process.pid();
    }

    boolean isOpen() {
        return open && process.isAlive();
    }

    /** The server's {@code initialize} result (after {@link #initialize}). */
    ObjectNode initializeResult() {
        ObjectNode result = initializeResult;
        if (result == null) {
            throw new IllegalStateException("the upstream is not initialized");
        }
        return result;
    }

    /** The MCP handshake: {@code initialize}, then {@code notifications/initialized}. */
    void initialize(Duration timeout, String clientVersion) {
        handshake(timeout, clientVersion);
    }

    protected final void handshake(Duration timeout, String clientVersion) {
        ObjectNode params = mapper.createObjectNode();
        params.put("protocolVersion", PROTOCOL_VERSION);
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "mcpver-gateway").put("version", clientVersion);
        ObjectNode response;
        try {
            response = request("initialize", params).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailableException("interrupted during the upstream handshake", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new UpstreamUnavailableException("the upstream did not complete the MCP handshake", e);
        }
        JsonNode result = response.get("result");
        if (!(result instanceof ObjectNode object)) {
            throw new UpstreamUnavailableException("the upstream refused the MCP handshake", null);
        }
        initializeResult = object;
        notify("notifications/initialized", null);
    }

    /** Sends a request; the future completes with the whole response message (result or error). */
    CompletableFuture<ObjectNode> request(String method, @Nullable JsonNode params) {
        long id = ids.incrementAndGet();
        ObjectNode message = mapper.createObjectNode();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        return send(id, message);
    }

    /**
     * Forwards a request message under a fresh upstream id (given to {@code idSink} before sending, for cancellation);
     * the future completes with the response, which still carries the upstream id.
     */
    CompletableFuture<ObjectNode> forward(ObjectNode message, java.util.function.LongConsumer idSink) {
        long id = ids.incrementAndGet();
        idSink.accept(id);
        ObjectNode copy = message.deepCopy();
        copy.put("id", id);
        return send(id, copy);
    }

    private CompletableFuture<ObjectNode> send(long id, ObjectNode message) {
        CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
        if (!isOpen()) {
            answer.completeExceptionally(new UpstreamUnavailableException("the upstream is not running", null));
            return answer;
        }
        pending.put(id, answer);
        try {
            write(message);
        } catch (IOException e) {
            pending.remove(id);
            answer.completeExceptionally(new UpstreamUnavailableException("the upstream stopped reading", e));
            shutdown();
        }
        return answer;
    }

    /** Drops the wait for an answer (timed out or cancelled by the client). */
    void abandon(long id) {
        pending.remove(id);
    }

    /** Sends a notification. */
    void notify(String method, @Nullable JsonNode params) {
        ObjectNode message = mapper.createObjectNode();
        message.put("jsonrpc", "2.0");
        message.put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        try {
            write(message);
        } catch (IOException e) {
            shutdown();
        }
    }

    int inFlight() {
        return pending.size();
    }

    /** Handles one message the server sent (a line of stdio, a body or event of HTTP). */
    protected final void dispatch(String line) {
        JsonNode parsed;
        try {
            parsed = mapper.readTree(line);
        } catch (IOException e) {
            LOG.atWarn()
                    .addKeyValue("pid", process.pid())
                    .log("ignoring a line that is not JSON on the upstream's stdout");
            return;
        }
        if (!(parsed instanceof ObjectNode message)) {
            return;
        }
        JsonNode id = message.get("id");
        boolean isCall = message.hasNonNull("method");
        if (!isCall && id != null && id.canConvertToLong()) {
            CompletableFuture<ObjectNode> answer = pending.remove(id.asLong());
            if (answer != null) {
                answer.complete(message);
            }
        } else if (isCall && id != null && !id.isNull()) {
            answerServerRequest(message);
        } else if (isCall) {
            listener.notification(this, message);
        }
    }

    /** {@code ping} is answered; sampling, elicitation and roots cannot be routed to one agent, so they are refused. */
    private void answerServerRequest(ObjectNode request) {
        ObjectNode reply = mapper.createObjectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("id", request.get("id"));
        if ("ping".equals(request.path("method").asText())) {
            reply.putObject("result");
        } else {
            reply.putObject("error")
                    .put("code", -32601)
                    .put("message", "requests from the server to the client are not relayed by the mcpver gateway");
        }
        try {
            write(reply);
        } catch (IOException e) {
            shutdown();
        }
    }

    protected final void shutdown() {
        if (!open) {
            return;
        }
        open = false;
        UpstreamUnavailableException gone = new UpstreamUnavailableException("the upstream stopped", null);
        pending.values().forEach(f -> f.completeExceptionally(gone));
        pending.clear();
        LOG.atWarn()
                .addKeyValue("operation", "GATEWAY_UPSTREAM_CLOSED")
                .addKeyValue("version", version)
                .addKeyValue("pid", process.pid())
                .log("upstream {} (pid {}) closed; stderr: {}", version, process.pid(), tail());
        listener.closed(this);
    }

    protected final void drain(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (stderrTail) {
                    if (stderrTail.size() == TAIL_LINES) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line.length() > 200 ? line.substring(0, 200) : line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** The last lines the server wrote to stderr: for the operator's log, never for agents. */
    String tail() {
        synchronized (stderrTail) {
            return String.join(" | ", stderrTail);
        }
    }

    /** Stops using the connection; the owner ends the process. */
    @Override
    public void close() {
        shutdown();
    }

    protected static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
