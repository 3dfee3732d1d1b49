package dev.mcpver.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientSession;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One JSON-RPC session with a server, on the SDK's {@link McpClientSession}: raw requests with raw JSON results (the
 * SDK's typed client drops members such as {@code execution} and cannot send {@code server/discover}). Every wait
 * races the transport's failure and a timeout.
 */
final class McpConnection implements AutoCloseable {
    private static final TypeRef<JsonNode> JSON = new TypeRef<>() {};

    private final McpClientSession session;
    private final McpClientTransport transport;
    private final CompletableFuture<Void> failure;

    private McpConnection(McpClientTransport transport, CompletableFuture<Void> failure, Duration requestTimeout) {
        this.transport = transport;
        this.failure = failure;
        Map<String, McpClientSession.RequestHandler<?>> handlers = Map.of(
                "ping", params -> Mono.just(Map.of()),
                "roots/list", params -> Mono.just(Map.of("roots", List.of())));
        this.session = new McpClientSession(requestTimeout, transport, handlers, Map.of(), connect -> connect);
    }

    static McpConnection stdio(
            LaunchSpec.Stdio spec, McpJsonMapper mapper, Map<String, String> parentEnv, Duration requestTimeout) {
        ProcessTransport transport = new ProcessTransport(spec, mapper, parentEnv);
        return new McpConnection(transport, transport.failure(), requestTimeout);
    }

    /** A Streamable HTTP session that announces {@code protocolVersion} in its headers; redirects are refused. */
    static McpConnection http(
            LaunchSpec.Http spec, McpJsonMapper mapper, Duration requestTimeout, String protocolVersion) {
        URI url = spec.url();
        String base = url.getScheme() + "://" + url.getRawAuthority();
        String endpoint = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint)
                .jsonMapper(mapper)
                .clientBuilder(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(requestTimeout))
                .openConnectionOnStartup(false)
                .supportedProtocolVersions(List.of(protocolVersion))
                .httpRequestCustomizer(
                        (builder, method, uri, body, context) -> spec.headers().forEach(builder::header))
                .build();
        CompletableFuture<Void> failure = new CompletableFuture<>();
        transport.setExceptionHandler(error ->
                failure.completeExceptionally(new SnapshotException("the HTTP transport failed: " + describe(error))));
        return new McpConnection(transport, failure, requestTimeout);
    }

    /** The result of {@code method}; a JSON-RPC error becomes {@link RpcError}, anything else a snapshot failure. */
    JsonNode request(String method, @Nullable Object params, Duration timeout) {
        CompletableFuture<JsonNode> reply =
                session.sendRequest(method, params, JSON).toFuture();
        try {
            // failure only ever completes exceptionally: a normal completion is the reply
            CompletableFuture.anyOf(reply, failure).get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            JsonNode result = reply.join();
            return result == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : result;
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new SnapshotException("no answer to " + method + " within " + seconds(timeout));
        } catch (ExecutionException e) {
            throw translate(method, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotException("interrupted while waiting for " + method);
        }
    }

    private RuntimeException translate(String method, @Nullable Throwable error) {
        if (failure.isCompletedExceptionally()) {
            // the transport's own diagnosis (exit code, stderr, garbage) beats whatever the request saw
            try {
                failure.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof SnapshotException snapshot) {
                    return snapshot;
                }
            }
        }
        if (error instanceof SnapshotException snapshot) {
            return snapshot;
        }
        Throwable root = error == null ? null : McpError.findRootCause(error);
        if (error instanceof McpError rpc && rpc.getJsonRpcError() != null) {
            return new RpcError(
                    method,
                    rpc.getJsonRpcError().code(),
                    String.valueOf(rpc.getJsonRpcError().message()));
        }
        if (root instanceof McpError rpc && rpc.getJsonRpcError() != null) {
            return new RpcError(
                    method,
                    rpc.getJsonRpcError().code(),
                    String.valueOf(rpc.getJsonRpcError().message()));
        }
        if (root instanceof java.util.concurrent.TimeoutException) {
            return new SnapshotException("no answer to " + method + " in time");
        }
        return new SnapshotException(method + " failed: " + describe(error));
    }

    void notify(String method, @Nullable Object params) {
        try {
            session.sendNotification(method, params).toFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new SnapshotException(method + " could not be sent: " + describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotException("interrupted while sending " + method);
        }
    }

    static String describe(@Nullable Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = McpError.findRootCause(error);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message;
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    @Override
    public void close() {
        if (failure.isCompletedExceptionally()) {
            // nothing left to say goodbye to
            session.close();
            stopTransport();
            return;
        }
        try {
            session.closeGracefully().toFuture().get(3, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            session.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopTransport();
    }

    private void stopTransport() {
        if (transport instanceof ProcessTransport process) {
            process.stop();
        } else {
            transport.close();
        }
    }

    /** A JSON-RPC error answer (e.g. -32601 method not found). */
    static final class RpcError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final int METHOD_NOT_FOUND = -32601;

        private final int code;

        RpcError(String method, int code, String message) {
            super(method + " answered error " + code + ": " + message);
            this.code = code;
        }

        int code() {
            return code;
        }
    }
}
