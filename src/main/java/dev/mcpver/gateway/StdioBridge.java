package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mcpver proxy}: MCP over stdio for hosts that spawn a process, bridged to the gateway of a running
 * {@code mcpver serve} over Streamable HTTP — so stdio agents get the same routing, experiments and metrics as HTTP
 * agents, with one set of upstream processes. Each line read is POSTed as is (requests concurrently, so a slow call
 * does not hold the others); answers, streamed progress and the session's server-initiated messages are written back
 * one per line. When stdin ends, calls still in flight finish and the session is deleted. Thread-safe writes.
 */
public final class StdioBridge {
    private static final Logger LOG = LoggerFactory.getLogger(StdioBridge.class);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI endpoint;
    private final @Nullable String token;
    private final @Nullable String clientId;
    private final ObjectMapper mapper;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final Object writeLock = new Object();
    private volatile @Nullable String session;
    private @Nullable OutputStream out;

    /**
     * @param endpoint the gateway endpoint, e.g. {@code http://127.0.0.1:7070/mcp/servers/search/production}
     * @param token an operator token, sent as {@code Authorization: Bearer}
     * @param clientId a stable id for sticky assignment across sessions ({@code Mcp-Client-Id}); null = per session
     */
    public StdioBridge(
            HttpClient http, URI endpoint, @Nullable String token, @Nullable String clientId, ObjectMapper mapper) {
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
        this.clientId = clientId;
        this.mapper = mapper;
    }

    /** Bridges until {@code in} ends; returns after in-flight calls finished and the session was deleted. */
    public void run(InputStream in, OutputStream output) throws IOException {
        this.out = output;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    handle(line);
                }
            }
        }
        drain();
        endSession();
    }

    private void handle(String line) {
        JsonNode message;
        try {
            message = mapper.readTree(line);
        } catch (IOException e) {
            write(error(null, -32700, "not JSON"));
            return;
        }
        JsonNode id = message.get("id");
        boolean initialize = "initialize".equals(message.path("method").asText());
        CompletableFuture<Void> sent = post(line, id, initialize);
        if (initialize) {
            sent.join(); // the session id is needed before anything else is sent
            openStream();
        } else {
            inFlight.add(sent);
            sent.whenComplete((v, e) -> inFlight.remove(sent));
        }
    }

    private CompletableFuture<Void> post(String body, @Nullable JsonNode id, boolean initialize) {
        HttpRequest request = request()
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    if (initialize) {
                        response.headers()
                                .firstValue(GatewayServlet.SESSION_HEADER)
                                .ifPresent(s -> session = s);
                    }
                    relay(response, id);
                })
                .exceptionally(failure -> {
                    LOG.atWarn()
                            .addKeyValue("operation", "PROXY_POST_FAILED")
                            .log("the gateway at {} did not answer: {}", endpoint, failure.getMessage());
                    if (id != null) {
                        write(error(id, Gateway.UNAVAILABLE, "the mcpver gateway is unreachable"));
                    }
                    return null;
                });
    }

    private void relay(HttpResponse<Stream<String>> response, @Nullable JsonNode id) {
        boolean events = response.headers()
                .firstValue("Content-Type")
                .map(t -> t.startsWith("text/event-stream"))
                .orElse(false);
        try (Stream<String> lines = response.body()) {
            if (events) {
                lines.filter(l -> l.startsWith("data:"))
                        .forEach(l -> writeRaw(l.substring(5).strip()));
                return;
            }
            List<String> body = lines.toList();
            String text = String.join("\n", body).strip();
            if (!text.isEmpty() && text.startsWith("{")) {
                writeRaw(text);
            } else if (id != null && response.statusCode() >= 400) {
                write(error(id, -32603, "the gateway answered HTTP " + response.statusCode()));
            }
        }
    }

    /** The session's stream of server-initiated messages; a gateway that offers none (405) is fine. */
    private void openStream() {
        if (session == null) {
            return;
        }
        HttpRequest request =
                request().header("Accept", "text/event-stream").GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            if (response.statusCode() == 200) {
                try (Stream<String> lines = response.body()) {
                    lines.filter(l -> l.startsWith("data:"))
                            .forEach(l -> writeRaw(l.substring(5).strip()));
                }
            }
        });
    }

    private HttpRequest.Builder request() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (clientId != null) {
            builder.header(GatewayServlet.CLIENT_HEADER, clientId);
        }
        String id = session;
        if (id != null) {
            builder.header(GatewayServlet.SESSION_HEADER, id);
        }
        return builder;
    }

    private void drain() {
        try {
            CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0]))
                    .get(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.atWarn().log("calls still in flight when stdin ended: {}", e.getMessage());
        }
    }

    private void endSession() {
        if (session == null) {
            return;
        }
        try {
            http.send(request().DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            LOG.atDebug().log("session delete failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Re-serialised so that each message is exactly one line. */
    private void writeRaw(String json) {
        try {
            write(mapper.readTree(json));
        } catch (IOException e) {
            LOG.atWarn().log("the gateway sent something that is not JSON");
        }
    }

    private void write(JsonNode message) {
        OutputStream target = out;
        if (target == null) {
            return;
        }
        try {
            byte[] bytes = mapper.writeValueAsBytes(message);
            synchronized (writeLock) {
                target.write(bytes);
                target.write('\n');
                target.flush();
            }
        } catch (IOException e) {
            LOG.atDebug().log("stdout closed: {}", e.getMessage());
        }
    }

    private ObjectNode error(@Nullable JsonNode id, int code, String message) {
        ObjectNode error = mapper.createObjectNode();
        error.put("jsonrpc", "2.0");
        error.set("id", id);
        error.putObject("error").put("code", code).put("message", message);
        return error;
    }
}
