package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.mcp.McpHttp;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's Streamable HTTP front at {@value #PREFIX}{@code {server}/{environment}} (or {@code {server}} when it
 * has one deployment). POST carries one JSON-RPC message: {@code initialize} opens a session ({@code Mcp-Session-Id});
 * requests are answered as JSON, or as an event stream when they ask for progress; notifications and responses get
 * 202. GET opens the session's stream of server-initiated messages; DELETE ends the session. A POST without a session
 * is served statelessly, assigned by its {@value #CLIENT_HEADER} header. Origin and Host are checked like on
 * {@code /mcp}; the bearer-token filter runs before this servlet and the caller must be an operator.
 */
public final class GatewayServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServlet.class);
    public static final String PREFIX = "/mcp/servers/";
    public static final String SESSION_HEADER = "Mcp-Session-Id";
    /** Optional stable client id: the experiment unit instead of the session. */
    public static final String CLIENT_HEADER = "Mcp-Client-Id";

    private final transient Gateway gateway;
    private final transient DeploymentService deployments;
    private final transient ServerTransportSecurityValidator validator;
    private final transient ObjectMapper mapper;
    private final long maxRequestBytes;

    public GatewayServlet(
            Gateway gateway,
            DeploymentService deployments,
            ServerTransportSecurityValidator validator,
            ObjectMapper mapper,
            long maxRequestBytes) {
        this.gateway = gateway;
        this.deployments = deployments;
        this.validator = validator;
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!admitted(request, response)) {
            return;
        }
        ObjectNode message;
        DeploymentId deployment;
        try {
            deployment = deployment(request);
            message = read(request);
        } catch (GatewayException e) {
            reject(response, null, e);
            return;
        }
        try {
            dispatch(request, response, deployment, message);
        } catch (GatewayException e) {
            reject(response, message.get("id"), e);
        } catch (UpstreamUnavailableException e) {
            LOG.atWarn().addKeyValue("operation", "GATEWAY_UNAVAILABLE").log("{}: {}", deployment, e.getMessage());
            write(response, 503, gateway.error(message.get("id"), Gateway.UNAVAILABLE, "the server is unavailable"));
        }
    }

    private void dispatch(
            HttpServletRequest request, HttpServletResponse response, DeploymentId deployment, ObjectNode message)
            throws IOException {
        String method = message.path("method").asText("");
        boolean isRequest = message.hasNonNull("id") && !method.isEmpty();
        if (method.equals("initialize")) {
            Gateway.Opened opened = gateway.open(deployment, request.getHeader(CLIENT_HEADER), message);
            response.setHeader(SESSION_HEADER, opened.session().id());
            write(response, 200, opened.response());
            return;
        }
        GatewaySession session = session(request, deployment);
        if (!isRequest) {
            if (!method.isEmpty()) {
                gateway.notification(session, message);
            }
            response.setStatus(202);
            return;
        }
        boolean streamed =
                message.path("params").path("_meta").has("progressToken") && accepts(request, "text/event-stream");
        if (streamed) {
            stream(request, response, session, message);
        } else {
            answer(request, response, gateway.request(session, message, null));
        }
    }

    private GatewaySession session(HttpServletRequest request, DeploymentId deployment) {
        String id = request.getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            return gateway.ephemeral(deployment, request.getHeader(CLIENT_HEADER));
        }
        return gateway.session(id)
                .filter(s -> s.deployment().equals(deployment))
                .orElseThrow(() -> new GatewayException(
                        GatewayException.Kind.SESSION_UNKNOWN, "unknown or expired session; initialize again"));
    }

    /** A plain JSON answer, written when the upstream answers (the request thread is released meanwhile). */
    private void answer(
            HttpServletRequest request, HttpServletResponse response, CompletableFuture<ObjectNode> future) {
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        future.whenComplete((answer, failure) -> {
            try {
                write(response, 200, answer);
            } catch (IOException | RuntimeException e) {
                LOG.atDebug().log("client went away before its answer: {}", e.getMessage());
            } finally {
                async.complete();
            }
        });
    }

    /** An event stream: progress notifications as they come, then the answer. */
    private void stream(
            HttpServletRequest request, HttpServletResponse response, GatewaySession session, ObjectNode message)
            throws IOException {
        SseWriter sse = SseWriter.open(request, response, mapper);
        CompletableFuture<ObjectNode> future;
        try {
            future = gateway.request(session, message, sse::send);
        } catch (GatewayException e) {
            sse.send(gateway.error(message.get("id"), e.code(), String.valueOf(e.getMessage())));
            sse.close();
            return;
        }
        future.whenComplete((answer, failure) -> {
            sse.send(answer);
            sse.close();
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!admitted(request, response)) {
            return;
        }
        if (!accepts(request, "text/event-stream")) {
            response.sendError(405);
            return;
        }
        GatewaySession session;
        try {
            String id = request.getHeader(SESSION_HEADER);
            if (id == null || id.isBlank()) {
                throw new GatewayException(GatewayException.Kind.INVALID, "GET needs an Mcp-Session-Id header");
            }
            session = session(request, deployment(request));
        } catch (GatewayException e) {
            reject(response, null, e);
            return;
        }
        SseWriter sse = SseWriter.open(request, response, mapper);
        session.onClose(sse::close);
        session.stream(message -> {
            if (!sse.send(message)) {
                session.stream(null);
            }
        });
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!admitted(request, response)) {
            return;
        }
        String id = request.getHeader(SESSION_HEADER);
        if (id == null || gateway.session(id).isEmpty()) {
            response.setStatus(404);
            return;
        }
        gateway.close(id);
        response.setStatus(200);
    }

    /** Origin/Host against the allow-lists, then the caller's role; answers the refusal itself. */
    private boolean admitted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            validator.validateHeaders(headers(request));
        } catch (ServerTransportSecurityException e) {
            response.sendError(e.getStatusCode(), e.getMessage());
            return false;
        }
        Caller caller = McpHttp.callerOf(request);
        if (!caller.may(Role.OPERATOR)) {
            write(response, 403, gateway.error(null, -32600, "the gateway needs an operator token"));
            return false;
        }
        return true;
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private DeploymentId deployment(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int at = uri.indexOf(PREFIX);
        String rest = at < 0 ? "" : uri.substring(at + PREFIX.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        try {
            if (rest.contains("/")) {
                return DeploymentId.parse(rest);
            }
            String server = rest;
            List<Deployment> matching = deployments.list().stream()
                    .filter(d -> d.id().server().equals(server))
                    .toList();
            if (matching.size() != 1) {
                throw GatewayException.notFound(
                        matching.isEmpty()
                                ? "no deployment of server '" + server + "'"
                                : "server '" + server + "' has several deployments: use " + PREFIX + server
                                        + "/<environment>");
            }
            return matching.get(0).id();
        } catch (IllegalArgumentException e) {
            throw GatewayException.notFound("not a deployment: " + e.getMessage());
        }
    }

    private ObjectNode read(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxRequestBytes) {
            throw new GatewayException(GatewayException.Kind.INVALID, "the message is larger than the limit");
        }
        JsonNode parsed;
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
            if (body.length > maxRequestBytes) {
                throw new GatewayException(GatewayException.Kind.INVALID, "the message is larger than the limit");
            }
            parsed = mapper.readTree(body);
        } catch (IOException e) {
            throw new GatewayException(GatewayException.Kind.INVALID, "the body is not JSON");
        }
        if (!(parsed instanceof ObjectNode message)
                || !"2.0".equals(parsed.path("jsonrpc").asText())) {
            throw new GatewayException(GatewayException.Kind.INVALID, "expected one JSON-RPC 2.0 message (no batches)");
        }
        return message;
    }

    private void reject(HttpServletResponse response, @Nullable JsonNode id, GatewayException e) throws IOException {
        if (e.kind() == GatewayException.Kind.RATE_LIMITED) {
            response.setHeader("Retry-After", "1");
        }
        write(response, e.status(), gateway.error(id, e.code(), String.valueOf(e.getMessage())));
    }

    private static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && (accept.contains(type) || accept.contains("*/*"));
    }

    private void write(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    /** Server-sent events on an async response; sends are serialised; a failed send closes it. */
    static final class SseWriter {
        private final AsyncContext async;
        private final OutputStream out;
        private final ObjectMapper mapper;
        private boolean closed;

        private SseWriter(AsyncContext async, OutputStream out, ObjectMapper mapper) {
            this.async = async;
            this.out = out;
            this.mapper = mapper;
        }

        static SseWriter open(HttpServletRequest request, HttpServletResponse response, ObjectMapper mapper)
                throws IOException {
            AsyncContext async = request.startAsync();
            async.setTimeout(0);
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            OutputStream out = response.getOutputStream();
            response.flushBuffer();
            return new SseWriter(async, out, mapper);
        }

        synchronized boolean send(ObjectNode message) {
            if (closed) {
                return false;
            }
            try {
                out.write(("event: message\ndata: " + mapper.writeValueAsString(message) + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException | RuntimeException e) {
                close();
                return false;
            }
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    async.complete();
                } catch (IllegalStateException e) {
                    // the connection is already gone (client left, or the server is stopping)
                }
            }
        }
    }
}
