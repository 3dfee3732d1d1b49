package dev.mcpver.testing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Standard input for fixture MCP servers: counts a latch down at end of file, so the server exits when its client
 * closes stdin (the SDK's stdio transport does not tell the process).
 */
public final class EofSignallingInput extends FilterInputStream {
    private final CountDownLatch eof = new CountDownLatch(1);

    public EofSignallingInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        return signal(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return signal(super.read(b, off, len));
    }

    /** Blocks until end of file was read. */
    public void awaitEof() throws InterruptedException {
        eof.await();
    }

    private int signal(int n) {
        if (n < 0) {
            eof.countDown();
        }
        return n;
    }
}
