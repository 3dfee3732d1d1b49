package dev.mcpver.deploy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Threads for calls that block on another process (MCP handshakes, tool calls). Never the common fork-join pool:
 * on a two-core machine it has one worker, and a server that hangs would stall every other user of it.
 */
final class Blocking {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mcpver-mcp-call-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Blocking() {}

    static <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, POOL);
    }
}
