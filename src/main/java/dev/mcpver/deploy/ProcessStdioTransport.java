package dev.mcpver.deploy;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP over the stdin/stdout of a process the supervisor already started (the SDK's stdio transport insists on
 * spawning the process itself, which would hide its pid and lifetime from the supervisor). Newline-delimited
 * JSON-RPC, as the stdio transport specifies. Closing the transport does not stop the process.
 */
final class ProcessStdioTransport implements McpClientTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessStdioTransport.class);

    private final Process process;
    private final McpJsonMapper json;
    private final OutputStream stdin;
    private final Object writeLock = new Object();

    ProcessStdioTransport(Process process, McpJsonMapper json) {
        this.process = process;
        this.json = json;
        this.stdin = process.getOutputStream();
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return Mono.fromRunnable(() -> {
            Thread reader = new Thread(() -> read(handler), "mcp-stdio-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        });
    }

    private void read(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    dispatch(line, handler);
                }
            }
        } catch (IOException e) {
            LOG.atDebug().addKeyValue("pid", process.pid()).log("stdio of the server closed: {}", e.getMessage());
        }
    }

    private void dispatch(
            String line, Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | IllegalArgumentException e) {
            LOG.atWarn()
                    .addKeyValue("pid", process.pid())
                    .log("ignoring a line that is not JSON-RPC on the server's stdout");
            return;
        }
        handler.apply(Mono.just(message))
                .subscribe(reply -> {}, error -> LOG.atDebug().log("handler failed: {}", error.getMessage()));
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            try {
                byte[] bytes = (json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
                synchronized (writeLock) {
                    stdin.write(bytes);
                    stdin.flush();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write to the server's stdin: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }
}
