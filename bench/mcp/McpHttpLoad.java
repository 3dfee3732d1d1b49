// Load script for MCP over Streamable HTTP: the round-trip cost of one semver tool call on a warm server.
// Single-file program, JDK only (java.net.http); run against a started server:
//   java -jar target/mcpver.jar serve --port 7070 --db /tmp/bench.db &
//   java bench/mcp/McpHttpLoad.java http://127.0.0.1:7070/mcp [warmupCalls=5000] [measuredCalls=20000] [threads=1]
// Opens one session (initialize + notifications/initialized), warms up, then times each tools/call
// (semver_satisfies with varying versions) from send to parsed answer, and prints min/median/p90/p99 and
// throughput. With threads > 1 every thread has its own session and the latencies are pooled. Works against the
// stateless endpoint too (http://127.0.0.1:7070/mcp-stateless: no session id).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class McpHttpLoad {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:7070/mcp");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> run(endpoint, warmup, measured)));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        pool.shutdown();
        long[] nanos = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT,
                "%s semver_satisfies x %d (%d thread(s), %d warm-up calls each): min %.3f ms, median %.3f ms, "
                        + "p90 %.3f ms, p99 %.3f ms; %.0f calls/s overall%n",
                endpoint, nanos.length, threads, warmup, ms(nanos[0]), ms(at(nanos, 0.5)), ms(at(nanos, 0.9)),
                ms(at(nanos, 0.99)), (warmup + measured) * (double) threads / seconds);
    }

    private static long[] run(URI endpoint, int warmup, int measured) throws Exception {
        String session = initialize(endpoint);
        for (int i = 0; i < warmup; i++) {
            call(endpoint, session, i);
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            call(endpoint, session, i);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static String initialize(URI endpoint) throws Exception {
        HttpResponse<String> init = post(endpoint, null, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"load\",\"version\":\"1\"}}}");
        if (init.statusCode() != 200) {
            throw new IllegalStateException("initialize failed: " + init.statusCode() + " " + init.body());
        }
        String session = init.headers().firstValue("Mcp-Session-Id").orElse(null); // none on /mcp-stateless
        post(endpoint, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return session;
    }

    private static void call(URI endpoint, String session, int i) throws Exception {
        String version = "1." + (i % 50) + "." + (i % 7);
        HttpResponse<String> response = post(endpoint, session, "{\"jsonrpc\":\"2.0\",\"id\":" + (i + 1)
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"semver_satisfies\",\"arguments\":"
                + "{\"version\":\"" + version + "\",\"range\":\"^1.2.3 || >=2.5.0 <3\"}}}");
        if (response.statusCode() != 200 || !response.body().contains("\"satisfies\"")) {
            throw new IllegalStateException("unexpected answer " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpResponse<String> post(URI endpoint, String session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
