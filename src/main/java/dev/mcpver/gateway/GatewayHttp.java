package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.mcp.McpHttp;
import dev.mcpver.rollback.DeploymentService;
import io.javalin.config.JavalinConfig;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Mounts the gateway's servlet at {@code /mcp/servers/*} in Javalin's Jetty, behind the MCP door's bearer-token
 * filter (tokens re-checked against the store at most once a second, see {@link RevalidatingAuthenticator}) and with
 * the same Origin/Host allow-lists.
 */
public final class GatewayHttp {
    private final GatewayServlet servlet;
    private final jakarta.servlet.Filter filter;

    public GatewayHttp(
            Gateway gateway,
            DeploymentService deployments,
            McpHttp.Settings settings,
            Authenticator authenticator,
            ObjectMapper mapper) {
        DefaultServerTransportSecurityValidator validator = DefaultServerTransportSecurityValidator.builder()
                .allowedOrigins(settings.allowedOrigins())
                .allowedHosts(settings.allowedHosts())
                .build();
        this.servlet = new GatewayServlet(gateway, deployments, validator, mapper, settings.maxRequestBytes());
        this.filter = McpHttp.authenticationFilter(
                new RevalidatingAuthenticator(authenticator, java.time.Duration.ofSeconds(1), System::nanoTime),
                settings.openReads(),
                mapper);
    }

    /** A Javalin config customizer. */
    public void mount(JavalinConfig config) {
        config.jetty.modifyServletContextHandler(context -> {
            String path = GatewayServlet.PREFIX + "*";
            context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST));
            ServletHolder holder = new ServletHolder("mcp-gateway", servlet);
            holder.setAsyncSupported(true); // answers are written when the upstream answers
            context.addServlet(holder, path);
        });
    }
}
