package dev.mcpver.mcp;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.auth.Caller;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdio ({@code mcpver mcp}): newline-delimited JSON-RPC on stdin/stdout, logs on stderr. The local user
 * who can start the process acts as {@link Caller#localAdmin()}, as on the CLI. {@link #serve} returns when the
 * client closes stdin, after a graceful close, so the process can exit.
 */
public final class McpStdio {
    private static final Logger LOG = LoggerFactory.getLogger(McpStdio.class);

    private McpStdio() {}

    /**
     * Serves {@code surface} until {@code in} reaches EOF.
     *
     * @param out receives protocol messages only; nothing else may write to it
     */
    public static void serve(McpSurface surface, InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch eof = new CountDownLatch(1);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(
                surface.jsonMapper(), new EofSignalingInputStream(in, eof::countDown), out);
        McpSyncServer server = surface.stateful(
                McpServer.sync(transport),
                context -> new CallScope(
                        Caller.localAdmin(), UlidCreator.getMonotonicUlid().toString(), "stdio"));
        LOG.atInfo().addKeyValue("operation", "MCP_STDIO_START").log("serving MCP on stdio");
        eof.await();
        server.closeGracefully();
        LOG.atInfo().addKeyValue("operation", "MCP_STDIO_STOP").log("stdin closed; MCP stdio server stopped");
    }
}
