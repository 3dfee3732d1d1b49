package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An upstream spoken to over its stdin/stdout: newline-delimited JSON-RPC, as the stdio transport specifies. */
final class StdioUpstreamChannel extends UpstreamChannel {
    private static final Logger LOG = LoggerFactory.getLogger(StdioUpstreamChannel.class);

    private final OutputStream stdin;
    private final Object writeLock = new Object();

    StdioUpstreamChannel(String version, Process process, ObjectMapper mapper, Listener listener) {
        super(version, process, mapper, listener);
        this.stdin = process.getOutputStream();
        daemon("gateway-upstream-" + process.pid(), this::readLoop);
    }

    @Override
    protected void write(ObjectNode message) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(message);
        synchronized (writeLock) {
            stdin.write(bytes);
            stdin.write('\n');
            stdin.flush();
        }
    }

    private void readLoop() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process().getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    dispatch(line);
                }
            }
        } catch (IOException e) {
            LOG.atDebug().addKeyValue("pid", process().pid()).log("upstream stdout closed: {}", e.getMessage());
        } finally {
            shutdown();
        }
    }
}
