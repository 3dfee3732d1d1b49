package dev.mcpver.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs per-file work on a few threads: with thousands of small files the cost is in per-file system calls (open,
 * create, close), which overlap well even on two cores.
 */
final class Parallel {
    private Parallel() {}

    /** Applies {@code work} to every item and returns the results in item order; the first failure is rethrown. */
    static <T, R> List<R> map(List<T> items, int threads, Function<T, R> work) {
        if (threads <= 1 || items.size() < 64) {
            return items.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "mcpver-files");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int chunk = Math.max(16, items.size() / (threads * 8));
            List<Future<List<R>>> futures = new ArrayList<>();
            for (int start = 0; start < items.size(); start += chunk) {
                List<T> slice = items.subList(start, Math.min(items.size(), start + chunk));
                futures.add(pool.submit(() -> slice.stream().map(work).toList()));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<List<R>> future : futures) {
                results.addAll(await(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> List<R> await(Future<List<R>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
