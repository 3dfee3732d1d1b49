package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.auth.Caller;
import dev.mcpver.http.Problem;
import dev.mcpver.http.RequestIds;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Authentication and request logging for the MCP endpoints, which Javalin's before-handlers and request logger never
 * see (the SDK's servlets sit beside Javalin's in the same Jetty context). Resolves {@code Authorization: Bearer …}
 * with the same {@link Authenticator} as the HTTP API's {@code Access}: a malformed or unknown token is a 401, as is a
 * missing one when reads are not open; otherwise the request carries its {@link Caller} into the MCP transport
 * context. Writes one JSON line per request ({@code operation=MCP_REQUEST}) when the response completes, also for
 * streamed (async) responses.
 */
final class McpHttpFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(McpHttpFilter.class);
    private static final String BEARER = "bearer ";

    private final transient Authenticator authenticator;
    private final boolean openReads;
    private final transient ObjectMapper mapper;

    McpHttpFilter(Authenticator authenticator, boolean openReads, ObjectMapper mapper) {
        this.authenticator = authenticator;
        this.openReads = openReads;
        this.mapper = mapper;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.setAttribute(McpHttp.REQUEST_ID_ATTRIBUTE, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        MDC.put("requestId", requestId);
        try {
            Optional<String> rejection = authenticate(request);
            if (rejection.isPresent()) {
                unauthorized(request, response, requestId, rejection.get());
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            MDC.remove("requestId");
            logWhenComplete(request, response, started);
        }
    }

    /** Sets the caller attribute; returns why the request is refused, if it is. */
    private Optional<String> authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            if (!openReads) {
                return Optional.of("MCP needs a token: send Authorization: Bearer <token>");
            }
            request.setAttribute(McpHttp.CALLER_ATTRIBUTE, Caller.anonymous());
            return Optional.empty();
        }
        String trimmed = header.strip();
        if (!trimmed.toLowerCase(Locale.ROOT).startsWith(BEARER)
                || trimmed.substring(BEARER.length()).isBlank()) {
            return Optional.of("the Authorization header must be 'Bearer <token>'");
        }
        Optional<Caller> caller =
                authenticator.authenticate(trimmed.substring(BEARER.length()).strip());
        caller.ifPresent(c -> request.setAttribute(McpHttp.CALLER_ATTRIBUTE, c));
        return caller.isPresent() ? Optional.empty() : Optional.of("the bearer token is unknown, revoked or expired");
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, String requestId, String why)
            throws IOException {
        Problem problem = Problem.of(401, "unauthorized", "Unauthorized", why)
                .withInstance(request.getRequestURI())
                .with("requestId", requestId);
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"mcpver\"");
        response.setContentType(Problem.MEDIA_TYPE);
        response.getOutputStream().write(mapper.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
    }

    private static void logWhenComplete(HttpServletRequest request, HttpServletResponse response, long started) {
        if (!request.isAsyncStarted()) {
            log(request, response, started);
            return;
        }
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                log(request, response, started);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                // onComplete follows
            }

            @Override
            public void onError(AsyncEvent event) {
                // onComplete follows
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not re-registered: one line per request
            }
        });
    }

    private static void log(HttpServletRequest request, HttpServletResponse response, long started) {
        LOG.atInfo()
                .addKeyValue("operation", "MCP_REQUEST")
                .addKeyValue("method", request.getMethod())
                .addKeyValue("path", request.getRequestURI())
                .addKeyValue("status", response.getStatus())
                .addKeyValue("session", headerOrNull(request, "Mcp-Session-Id"))
                .addKeyValue("requestId", request.getAttribute(McpHttp.REQUEST_ID_ATTRIBUTE))
                .addKeyValue("durationMs", Math.round((System.nanoTime() - started) / 1_000.0) / 1_000.0)
                .log("{} {} -> {}", request.getMethod(), request.getRequestURI(), response.getStatus());
    }

    private static @Nullable String headerOrNull(HttpServletRequest request, String name) {
        return request.getHeader(name);
    }
}
