package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Watches the stdio streams so the server ends like a well-behaved process. The SDK's stdio transport, on EOF,
 * drops every response not yet written and keeps its non-daemon threads alive. So this class counts JSON-RPC
 * requests read against responses written and holds the EOF back from the SDK until everything a client sent
 * before closing has been answered (or {@code drainTimeout} passed); then {@link #awaitClosed} returns and the
 * server can close. Thread-safe.
 */
final class StdioTraffic {
    private final ObjectMapper mapper;
    private final Duration drainTimeout;
    private long requests;
    private long responses;
    private boolean closed;
    private boolean drained = true;

    StdioTraffic(ObjectMapper mapper, Duration drainTimeout) {
        this.mapper = mapper;
        this.drainTimeout = drainTimeout;
    }

    /** stdin as the SDK should read it. */
    InputStream inbound(InputStream in) {
        return new Inbound(in, new Lines(this::read));
    }

    /** stdout as the SDK should write it. */
    OutputStream outbound(OutputStream out) {
        return new Outbound(out, new Lines(this::written));
    }

    /**
     * Waits until stdin ended and the SDK saw the end.
     *
     * @return false when requests were still unanswered after the drain timeout
     */
    synchronized boolean awaitClosed() throws InterruptedException {
        while (!closed) {
            wait();
        }
        return drained;
    }

    /** Called by the reader at EOF: blocks it until every request read has been answered, then releases it. */
    private synchronized void drainThenRelease() throws InterruptedIOException {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        try {
            while (responses < requests && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while answering the last requests");
        } finally {
            drained = responses >= requests;
            closed = true;
            notifyAll();
        }
    }

    private void read(byte[] line) {
        JsonNode message = parse(line);
        if (message.has("id") && message.has("method")) {
            count(true);
        }
    }

    private void written(byte[] line) {
        JsonNode message = parse(line);
        if (message.has("id") && !message.has("method")) {
            count(false);
        }
    }

    private synchronized void count(boolean request) {
        if (request) {
            requests++;
        } else {
            responses++;
        }
        notifyAll();
    }

    private JsonNode parse(byte[] line) {
        try {
            return mapper.readTree(line);
        } catch (IOException e) {
            return mapper.createObjectNode(); // not JSON: the SDK answers it with a parse error, or ignores it
        }
    }

    /** Splits a byte stream into lines. Each direction has one writer/reader thread at a time. */
    private static final class Lines {
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private final Consumer<byte[]> sink;

        Lines(Consumer<byte[]> sink) {
            this.sink = sink;
        }

        synchronized void accept(byte[] bytes, int offset, int length) {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    current.write(bytes, start, i - start);
                    flushLine();
                    start = i + 1;
                }
            }
            current.write(bytes, start, offset + length - start);
        }

        private void flushLine() {
            if (current.size() > 0) {
                sink.accept(current.toByteArray());
            }
            current.reset();
        }
    }

    private final class Inbound extends FilterInputStream {
        private final Lines lines;

        Inbound(InputStream in, Lines lines) {
            super(in);
            this.lines = lines;
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            if (next < 0) {
                drainThenRelease();
            } else {
                lines.accept(new byte[] {(byte) next}, 0, 1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            if (count < 0) {
                drainThenRelease();
            } else {
                lines.accept(buffer, offset, count);
            }
            return count;
        }
    }

    private static final class Outbound extends FilterOutputStream {
        private final Lines lines;

        Outbound(OutputStream out, Lines lines) {
            super(out);
            this.lines = lines;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            lines.accept(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            lines.accept(buffer, offset, length);
        }
    }
}
