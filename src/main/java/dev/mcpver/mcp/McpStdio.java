package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.auth.Caller;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdio ({@code mcpver mcp}): newline-delimited JSON-RPC on stdin/stdout, logs on stderr. The local user
 * who can start the process acts as {@link Caller#localAdmin()}, as on the CLI. {@link #serve} returns when the
 * client closes stdin and every request it sent before has been answered, so the process can exit.
 */
public final class McpStdio {
    private static final Logger LOG = LoggerFactory.getLogger(McpStdio.class);

    /** How long requests already read may still run after the client closed stdin. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private McpStdio() {}

    /**
     * Serves {@code surface} until {@code in} reaches EOF.
     *
     * @param out receives protocol messages only; nothing else may write to it
     */
    public static void serve(McpSurface surface, InputStream in, OutputStream out) throws InterruptedException {
        StdioTraffic traffic = new StdioTraffic(new ObjectMapper(), DRAIN_TIMEOUT);
        StdioServerTransportProvider transport =
                new StdioServerTransportProvider(surface.jsonMapper(), traffic.inbound(in), traffic.outbound(out));
        McpSyncServer server = surface.stateful(
                McpServer.sync(transport),
                context -> new CallScope(
                        Caller.localAdmin(), UlidCreator.getMonotonicUlid().toString(), "stdio"));
        LOG.atInfo().addKeyValue("operation", "MCP_STDIO_START").log("serving MCP on stdio");
        if (!traffic.awaitClosed()) {
            LOG.atWarn()
                    .addKeyValue("operation", "MCP_STDIO_UNANSWERED")
                    .log("stdin closed with requests still running after {}; closing anyway", DRAIN_TIMEOUT);
        }
        server.closeGracefully();
        LOG.atInfo().addKeyValue("operation", "MCP_STDIO_STOP").log("stdin closed; MCP stdio server stopped");
    }
}
