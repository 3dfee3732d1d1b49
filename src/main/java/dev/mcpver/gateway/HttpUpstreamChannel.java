package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upstream spoken to over Streamable HTTP at the URL its launch spec names: each message is POSTed (with the
 * upstream's {@code Mcp-Session-Id} once it has one); a JSON answer or every event of a streamed answer is handled like
 * a line of stdio; after the handshake a GET stream carries the server's own messages when it offers one. The process
 * is started by the supervisor on a free port; its stdout is drained.
 */
final class HttpUpstreamChannel extends UpstreamChannel {
    private static final Logger LOG = LoggerFactory.getLogger(HttpUpstreamChannel.class);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI url;
    private volatile @Nullable String session;
    /** Set when the handshake's POST found nobody listening yet (the server is still binding). */
    private volatile @Nullable Throwable refusedHandshake;

    HttpUpstreamChannel(String version, Process process, URI url, ObjectMapper mapper, Listener listener) {
        super(version, process, mapper, listener);
        this.url = url;
        daemon("gateway-upstream-stdout-" + process.pid(), () -> drain(process.getInputStream()));
    }

    /** HTTP servers need a moment to bind: the handshake is retried while the connection is refused. */
    @Override
    void initialize(Duration timeout, String clientVersion) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                handshake(Duration.ofSeconds(5), clientVersion);
                openStream();
                return;
            } catch (UpstreamUnavailableException e) {
                if (!process().isAlive() || Instant.now().isAfter(deadline) || refusedHandshake == null) {
                    throw e;
                }
                reopen();
                sleep();
            }
        }
    }

    private static boolean refused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void write(ObjectNode message) throws IOException {
        boolean initialize = "initialize".equals(message.path("method").asText());
        HttpRequest request = request()
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(message)))
                .build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).whenComplete((response, failure) -> {
            if (failure != null) {
                failed(message, failure);
                return;
            }
            if (initialize) {
                response.headers().firstValue(GatewayServlet.SESSION_HEADER).ifPresent(id -> session = id);
            }
            relay(response);
        });
    }

    private void failed(ObjectNode message, Throwable failure) {
        LOG.atDebug().log("POST to the upstream failed: {}", failure.getMessage());
        if (message.hasNonNull("id") && message.has("method")) {
            // no answer will come: let the waiting request fail like a dead stdio process's would
            ObjectNode error = mapper.createObjectNode().put("jsonrpc", "2.0");
            error.set("id", message.get("id"));
            error.putObject("error").put("code", Gateway.UNAVAILABLE).put("message", "the server is unavailable");
            if (refused(failure) && "initialize".equals(message.path("method").asText())) {
                refusedHandshake = failure;
            }
            dispatch(error.toString());
        }
    }

    private void relay(HttpResponse<Stream<String>> response) {
        boolean events = response.headers()
                .firstValue("Content-Type")
                .map(t -> t.startsWith("text/event-stream"))
                .orElse(false);
        try (Stream<String> lines = response.body()) {
            if (events) {
                lines.filter(l -> l.startsWith("data:"))
                        .forEach(l -> dispatch(l.substring(5).strip()));
            } else {
                String body = String.join("\n", lines.toList()).strip();
                if (body.startsWith("{")) {
                    dispatch(body);
                }
            }
        }
    }

    private void openStream() {
        HttpRequest request =
                request().header("Accept", "text/event-stream").GET().build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            if (response.statusCode() == 200) {
                relay(response);
            }
        });
    }

    private HttpRequest.Builder request() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10));
        String id = session;
        if (id != null) {
            builder.header(GatewayServlet.SESSION_HEADER, id);
        }
        return builder;
    }

    private void reopen() {
        refusedHandshake = null;
        session = null;
    }

    private static void sleep() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailableException("interrupted while the upstream started", e);
        }
    }
}
