package dev.mcpver.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reports the end of stdin. The SDK's stdio transport stops reading at EOF but keeps its non-daemon threads, so the
 * JVM would outlive a client that closed the pipe; this stream lets {@link McpStdio} notice and shut down.
 */
final class EofSignalingInputStream extends FilterInputStream {
    private final Runnable onEof;

    EofSignalingInputStream(InputStream in, Runnable onEof) {
        super(in);
        this.onEof = onEof;
    }

    @Override
    public int read() throws IOException {
        return signal(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return signal(super.read(buffer, offset, length));
    }

    private int signal(int result) {
        if (result < 0) {
            onEof.run();
        }
        return result;
    }
}
