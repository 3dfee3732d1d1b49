package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.auth.Caller;
import io.javalin.config.JavalinConfig;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * MCP over HTTP in the Javalin Jetty, on the API's port: Streamable HTTP with sessions at {@value #ENDPOINT} and a
 * session-less endpoint at {@value #STATELESS_ENDPOINT} for replicas behind a load balancer without sticky sessions.
 * Origin and Host headers are checked against allow-lists (a foreign {@code Origin} gets 403, against DNS
 * rebinding); {@link McpHttpFilter} authenticates and logs. Install with {@link #mount} as a Javalin config
 * customizer; {@link #close} ends the sessions.
 */
public final class McpHttp implements AutoCloseable {
    public static final String ENDPOINT = "/mcp";
    public static final String STATELESS_ENDPOINT = "/mcp-stateless";

    static final String CALLER_ATTRIBUTE = "dev.mcpver.mcp.caller";
    static final String REQUEST_ID_ATTRIBUTE = "dev.mcpver.mcp.requestId";

    /**
     * HTTP settings of the MCP door.
     *
     * @param allowedOrigins browser origins allowed to call (patterns such as {@code http://localhost:*})
     * @param allowedHosts values of the {@code Host} header accepted (such as {@code 127.0.0.1:*})
     * @param maxRequestBytes largest JSON-RPC message accepted
     * @param openReads whether callers without a token may use the endpoints as viewers
     */
    public record Settings(
            List<String> allowedOrigins, List<String> allowedHosts, long maxRequestBytes, boolean openReads) {
        public Settings {
            allowedOrigins = List.copyOf(allowedOrigins);
            allowedHosts = List.copyOf(allowedHosts);
        }
    }

    private final HttpServletStreamableServerTransportProvider streamable;
    private final HttpServletStatelessServerTransport stateless;
    private final McpSyncServer statefulServer;
    private final McpStatelessSyncServer statelessServer;
    private final McpHttpFilter filter;

    public McpHttp(McpSurface surface, Settings settings, Authenticator authenticator, ObjectMapper mapper) {
        DefaultServerTransportSecurityValidator validator = DefaultServerTransportSecurityValidator.builder()
                .allowedOrigins(settings.allowedOrigins())
                .allowedHosts(settings.allowedHosts())
                .build();
        int maxBytes = (int) Math.min(Integer.MAX_VALUE, settings.maxRequestBytes());
        this.streamable = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(surface.jsonMapper())
                .mcpEndpoint(ENDPOINT)
                .securityValidator(validator)
                .contextExtractor(McpHttp::context)
                .maxRequestSize(maxBytes)
                .build();
        this.stateless = HttpServletStatelessServerTransport.builder()
                .jsonMapper(surface.jsonMapper())
                .messageEndpoint(STATELESS_ENDPOINT)
                .securityValidator(validator)
                .contextExtractor(McpHttp::context)
                .maxRequestSize(maxBytes)
                .build();
        this.statefulServer = surface.stateful(McpServer.sync(streamable), context -> scope(context, "http"));
        this.statelessServer =
                surface.stateless(McpServer.sync(stateless), context -> scope(context, "http-stateless"));
        this.filter = new McpHttpFilter(authenticator, settings.openReads(), mapper);
    }

    /** Adds the two MCP servlets and the filter to Javalin's servlet context. */
    public void mount(JavalinConfig config) {
        config.jetty.modifyServletContextHandler(this::install);
    }

    private void install(ServletContextHandler context) {
        context.addFilter(new FilterHolder(filter), ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(filter), STATELESS_ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
        ServletHolder sessions = new ServletHolder("mcp", streamable);
        sessions.setAsyncSupported(true); // GET streams and SSE answers fail with "Async Not Supported" otherwise
        context.addServlet(sessions, ENDPOINT);
        ServletHolder sessionless = new ServletHolder("mcp-stateless", stateless);
        sessionless.setAsyncSupported(true);
        context.addServlet(sessionless, STATELESS_ENDPOINT);
    }

    /**
     * The authentication and request-log filter of the MCP endpoints, for other MCP-speaking servlets on the same
     * Jetty (the gateway): same bearer tokens, same one line per request.
     */
    public static jakarta.servlet.Filter authenticationFilter(
            Authenticator authenticator, boolean openReads, ObjectMapper mapper) {
        return new McpHttpFilter(authenticator, openReads, mapper);
    }

    /** The caller the {@link #authenticationFilter} established for a request (anonymous when none). */
    public static Caller callerOf(HttpServletRequest request) {
        return request.getAttribute(CALLER_ATTRIBUTE) instanceof Caller c ? c : Caller.anonymous();
    }

    @Override
    public void close() {
        statefulServer.closeGracefully();
        statelessServer.closeGracefully();
    }

    /** Carries what the filter established into the SDK's transport context, per HTTP request. */
    private static McpTransportContext context(HttpServletRequest request) {
        Object caller = request.getAttribute(CALLER_ATTRIBUTE);
        Object requestId = request.getAttribute(REQUEST_ID_ATTRIBUTE);
        return McpTransportContext.create(Map.of(
                CALLER_ATTRIBUTE, caller instanceof Caller c ? c : Caller.anonymous(),
                REQUEST_ID_ATTRIBUTE, requestId instanceof String id ? id : newRequestId()));
    }

    private static CallScope scope(McpTransportContext context, String transport) {
        Object caller = context.get(CALLER_ATTRIBUTE);
        Object requestId = context.get(REQUEST_ID_ATTRIBUTE);
        return new CallScope(
                caller instanceof Caller c ? c : Caller.anonymous(), // least privilege if a context lacks it
                requestId instanceof String id ? id : newRequestId(),
                transport);
    }

    private static String newRequestId() {
        return UlidCreator.getMonotonicUlid().toString();
    }
}
