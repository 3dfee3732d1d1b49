// Load script for the MCP gateway: the latency a tool call pays through the gateway compared with calling the
// upstream directly, at a fixed arrival rate (open loop: calls are sent on schedule, not after the previous answer).
//   java -cp target/mcpver.jar bench/gateway/GatewayLoad.java direct  RATE SECONDS -- <upstream command...>
//   java -cp target/mcpver.jar bench/gateway/GatewayLoad.java gateway RATE SECONDS URL TOKEN
// "direct" spawns the upstream and speaks newline-delimited JSON-RPC on its stdin/stdout (what the gateway does);
// "gateway" opens one Streamable HTTP session at URL (…/mcp/servers/<server>/<env>) and POSTs each tools/call.
// The first 20 % of the calls are warm-up and not counted. Prints min/median/p90/p99/max and errors.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

public class GatewayLoad {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        IntFunction<CompletableFuture<Boolean>> call = mode.equals("direct")
                ? direct(List.of(args).subList(4, args.length))
                : gateway(URI.create(args[3]), args[4]);
        run(mode, rate, seconds, call);
        System.exit(0);
    }

    private static void run(String mode, int rate, int seconds, IntFunction<CompletableFuture<Boolean>> call)
            throws Exception {
        int total = rate * seconds;
        int warmup = total / 5;
        long[] nanos = new long[total];
        AtomicInteger errors = new AtomicInteger();
        CompletableFuture<?>[] all = new CompletableFuture<?>[total];
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<Void> scheduled = new CompletableFuture<>();
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                scheduled.complete(null);
                return;
            }
            long sent = System.nanoTime();
            all[i] = call.apply(i).whenComplete((ok, e) -> {
                nanos[i] = System.nanoTime() - sent;
                if (e != null || !Boolean.TRUE.equals(ok)) {
                    errors.incrementAndGet();
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        scheduled.get();
        clock.shutdownNow();
        CompletableFuture.allOf(all).exceptionally(e -> null).get(60, TimeUnit.SECONDS);
        long[] counted = Arrays.copyOfRange(nanos, warmup, total);
        Arrays.sort(counted);
        System.out.printf(Locale.ROOT,
                "%-7s %d calls/s x %d s (%d counted after %d warm-up): min %.3f ms, median %.3f ms, p90 %.3f ms,"
                        + " p99 %.3f ms, max %.3f ms; errors %d%n",
                mode, rate, seconds, counted.length, warmup, ms(counted[0]), ms(at(counted, 0.5)),
                ms(at(counted, 0.9)), ms(at(counted, 0.99)), ms(counted[counted.length - 1]), errors.get());
    }

    /** Spawns the upstream; requests are matched to answers by id. */
    private static IntFunction<CompletableFuture<Boolean>> direct(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        OutputStream stdin = process.getOutputStream();
        Map<Long, CompletableFuture<Boolean>> pending = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode answer = MAPPER.readTree(line);
                    CompletableFuture<Boolean> waiting = pending.remove(answer.path("id").asLong());
                    if (waiting != null) {
                        waiting.complete(!answer.has("error") && !answer.at("/result/isError").asBoolean(false));
                    }
                }
            } catch (Exception e) {
                pending.values().forEach(f -> f.completeExceptionally(e));
            }
        });
        reader.setDaemon(true);
        reader.start();
        IntFunction<CompletableFuture<Boolean>> send = i -> {
            long id = i + 1_000L;
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            pending.put(id, answer);
            String body = i < 0
                    ? "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"load\",\"version\":\"1\"}}}"
                    : call(id, i);
            try {
                synchronized (stdin) {
                    stdin.write((body + "\n").getBytes(StandardCharsets.UTF_8));
                    stdin.flush();
                }
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
            return answer;
        };
        send.apply(-999).get(60, TimeUnit.SECONDS);
        return send;
    }

    /** One session through the gateway's Streamable HTTP front. */
    private static IntFunction<CompletableFuture<Boolean>> gateway(URI endpoint, String token) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> opened = http.send(post(endpoint, token, null,
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"load\",\"version\":\"1\"}}}"),
                HttpResponse.BodyHandlers.ofString());
        if (opened.statusCode() != 200) {
            throw new IllegalStateException("initialize answered " + opened.statusCode() + ": " + opened.body());
        }
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
        return i -> http.sendAsync(post(endpoint, token, session, call(i + 1_000L, i)),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> {
                    if (r.statusCode() != 200) {
                        return false;
                    }
                    try {
                        JsonNode answer = MAPPER.readTree(r.body());
                        return !answer.has("error") && !answer.at("/result/isError").asBoolean(false);
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    private static HttpRequest post(URI endpoint, String token, String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.build();
    }

    private static String call(long id, int i) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                + "\"arguments\":{\"text\":\"call " + i + "\"}}}";
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
