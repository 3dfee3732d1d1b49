import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP client for the A/B ingestion benchmarks (JDK only; run with {@code java bench/abtest/IngestClient.java}).
 *
 * <pre>
 * ingest --base URL --token T [--batches 200] [--batch-size 5000] [--clients 1] [--warmup 0]
 *     creates and starts an experiment, posts the batches, prints {"rows", "seconds", "rowsPerSecond", ...};
 *     --warmup first posts that many batches to a separate experiment (not timed, not counted)
 * load --base URL --token T [--clients 50] [--seconds 60] [--batch-size 5000]
 *     every client posts batches until the time is up; then compares the acknowledged count with the stored
 *     count; exit 1 on any error or mismatch
 * </pre>
 *
 * Every batch is balanced (the same values for A and B of one continuous metric), so no decision stops the
 * experiment mid-run; every batch carries a fresh Idempotency-Key, as a careful producer would send.
 */
public final class IngestClient {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String token;

    private IngestClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        IngestClient client = new IngestClient(options.get("base"), options.get("token"));
        int batchSize = Integer.parseInt(options.getOrDefault("batch-size", "5000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", args[0].equals("load") ? "50" : "1"));
        List<byte[]> bodies = bodies(batchSize, 16);
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "0"));
        if (warmup > 0) { // lets the server's JIT compile the ingestion path; not counted, separate experiment
            String scratch = client.startExperiment("warmup-" + UUID.randomUUID());
            for (int b = 0; b < warmup; b++) {
                client.post(scratch, bodies.get(b % bodies.size()));
            }
        }
        String id = client.startExperiment("bench-" + UUID.randomUUID());
        if (args[0].equals("ingest")) {
            client.ingest(id, bodies, Integer.parseInt(options.getOrDefault("batches", "200")), clients);
        } else {
            int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
            System.exit(client.load(id, bodies, clients, seconds) ? 0 : 1);
        }
    }

    /** Balanced bodies: batchSize/2 log-normal latencies (0.001 ms resolution), each sent for A and for B. */
    static List<byte[]> bodies(int batchSize, int count) {
        SplittableRandom random = new SplittableRandom(7);
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            StringBuilder json = new StringBuilder(batchSize * 56).append("{\"observations\":[");
            for (int i = 0; i < batchSize / 2; i++) {
                double u = 1 - random.nextDouble();
                double gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
                String value = String.format(Locale.ROOT, "%.3f", Math.exp(5 + 0.5 * gaussian));
                for (String variant : List.of("A", "B")) {
                    json.append(i == 0 && variant.equals("A") ? "" : ",")
                            .append("{\"variant\":\"").append(variant)
                            .append("\",\"metric\":\"latency\",\"value\":").append(value).append('}');
                }
            }
            bodies.add(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    String startExperiment(String name) throws Exception {
        String definition = "{\"name\":\"" + name + "\",\"mcpId\":\"mcp-bench\",\"variants\":["
                + "{\"key\":\"A\",\"version\":\"1.0.0\",\"weight\":50},{\"key\":\"B\",\"version\":\"1.1.0\","
                + "\"weight\":50}],\"metrics\":[{\"name\":\"latency\",\"kind\":\"continuous\","
                + "\"direction\":\"lower_is_better\"}]}";
        HttpResponse<String> created = send("POST", "/api/v1/experiments", definition.getBytes(StandardCharsets.UTF_8),
                null);
        require(created, 201);
        Matcher id = ID.matcher(created.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + created.body());
        }
        require(send("POST", "/api/v1/experiments/" + id.group(1) + "/start", new byte[0], null), 200);
        return id.group(1);
    }

    void ingest(String id, List<byte[]> bodies, int batches, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong rows = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    rows.addAndGet(accepted(post(id, bodies.get(b % bodies.size()))));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT,
                "{\"experimentId\":\"%s\",\"clients\":%d,\"batches\":%d,\"rows\":%d,\"seconds\":%.3f,"
                        + "\"rowsPerSecond\":%.0f}%n",
                id, clients, batches, rows.get(), seconds, rows.get() / seconds);
    }

    boolean load(String id, List<byte[]> bodies, int clients, int seconds) throws Exception {
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                for (int b = client; System.nanoTime() < deadline; b += clients) {
                    try {
                        acknowledged.addAndGet(accepted(post(id, bodies.get(b % bodies.size()))));
                        batches.incrementAndGet();
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 5) {
                            System.err.println("error: " + e);
                        }
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        HttpResponse<String> summary = send("GET", "/api/v1/experiments/" + id, null, null);
        require(summary, 200);
        long stored = count(summary.body(), "A") + count(summary.body(), "B");
        boolean ok = errors.get() == 0 && stored == acknowledged.get();
        System.out.printf(Locale.ROOT,
                "{\"experimentId\":\"%s\",\"clients\":%d,\"seconds\":%d,\"batches\":%d,\"errors\":%d,"
                        + "\"acknowledged\":%d,\"stored\":%d,\"rowsPerSecond\":%.0f,\"ok\":%s}%n",
                id, clients, seconds, batches.get(), errors.get(), acknowledged.get(), stored,
                acknowledged.get() / (double) seconds, ok);
        return ok;
    }

    /** Samples of one variant from GET /api/v1/experiments/{id} ({@code "samples":{"A":n,"B":m}}). */
    private static long count(String summary, String variant) {
        Matcher samples = Pattern.compile("\"samples\"\\s*:\\s*\\{[^}]*\"" + variant + "\"\\s*:\\s*(\\d+)")
                .matcher(summary);
        if (!samples.find()) {
            throw new IllegalStateException("no samples for " + variant + " in " + summary);
        }
        return Long.parseLong(samples.group(1));
    }

    private HttpResponse<String> post(String id, byte[] body) throws Exception {
        HttpResponse<String> response =
                send("POST", "/api/v1/experiments/" + id + "/metrics", body, UUID.randomUUID().toString());
        require(response, 202);
        return response;
    }

    private static long accepted(HttpResponse<String> response) {
        Matcher accepted = ACCEPTED.matcher(response.body());
        if (!accepted.find()) {
            throw new IllegalStateException("no accepted count in " + response.body());
        }
        return Long.parseLong(accepted.group(1));
    }

    private HttpResponse<String> send(String method, String path, byte[] body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
