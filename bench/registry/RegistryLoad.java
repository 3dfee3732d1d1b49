import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client for the registry: N clients register versions for D seconds against a running mcpver, then every
 * acknowledged (201) registration is looked up again. Run on the fat jar's classpath (Jackson):
 *
 * <pre>
 * java -cp target/mcpver.jar bench/registry/RegistryLoad.java load URL TOKEN CLIENTS SECONDS SERVERS OUT
 * java -cp target/mcpver.jar bench/registry/RegistryLoad.java check URL TOKEN OUT
 * </pre>
 *
 * {@code load} writes the acknowledged "serverId version" pairs to OUT; {@code check} (run after a restart)
 * verifies that each of them is stored and that the audit chain is valid.
 */
public class RegistryLoad {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("load")) {
            load(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    java.nio.file.Path.of(args[6]));
        } else {
            check(args[1], args[2], java.nio.file.Path.of(args[3]));
        }
    }

    static void load(String base, String token, int clients, int seconds, int servers, java.nio.file.Path out)
            throws Exception {
        List<String> serverIds = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            String body = "{\"name\":\"load-" + s + "-" + System.nanoTime() + "\",\"owner\":\"bench\","
                    + "\"launch\":{\"transport\":\"stdio\",\"command\":\"node\"}}";
            serverIds.add(JSON.readTree(send(base, token, "POST", "/api/v1/servers", body).body()).get("id").asText());
        }
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            new Thread(() -> {
                try {
                    String serverId = serverIds.get(client % servers);
                    for (int n = 0; System.nanoTime() < deadline; n++) {
                        String version = "1." + client + "." + n;
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = send(base, token, "POST",
                                "/api/v1/servers/" + serverId + "/versions", versionBody(version));
                        latencies.add(System.nanoTime() - t0);
                        if (response.statusCode() == 201) {
                            acknowledged.add(serverId + " " + version);
                        } else {
                            failures.incrementAndGet();
                            System.err.println(response.statusCode() + " " + response.body());
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println("client " + client + ": " + e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        java.nio.file.Files.write(out, acknowledged);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "clients=%d seconds=%.1f acknowledged=%d failed=%d throughput=%.1f/s"
                        + " p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n",
                clients, elapsed, acknowledged.size(), failures.get(), acknowledged.size() / elapsed,
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    static void check(String base, String token, java.nio.file.Path in) throws Exception {
        List<String> expected = java.nio.file.Files.readAllLines(in);
        Set<String> stored = new HashSet<>();
        for (String serverId : expected.stream().map(l -> l.split(" ")[0]).distinct().toList()) {
            for (int offset = 0; ; offset += 200) {
                JsonNode page = JSON.readTree(send(base, token, "GET",
                        "/api/v1/servers/" + serverId + "/versions?limit=200&offset=" + offset, null).body());
                page.get("items").forEach(v -> stored.add(serverId + " " + v.get("version").asText()));
                if (offset + 200 >= page.get("total").asLong()) {
                    break;
                }
            }
        }
        List<String> lost = expected.stream().filter(e -> !stored.contains(e)).toList();
        JsonNode audit = JSON.readTree(send(base, token, "GET", "/api/v1/audit/verify", null).body());
        System.out.printf(Locale.ROOT, "acknowledged=%d stored=%d lost=%d auditValid=%s auditEntries=%d verifyMs=%d%n",
                expected.size(), stored.size(), lost.size(), audit.get("valid").asBoolean(),
                audit.get("checked").asLong(), audit.get("durationMs").asLong());
        if (!lost.isEmpty() || !audit.get("valid").asBoolean()) {
            System.out.println("LOST: " + lost.subList(0, Math.min(10, lost.size())));
            System.exit(1);
        }
    }

    static String versionBody(String version) {
        return "{\"version\":\"" + version + "\",\"changelog\":\"load\",\"dependencies\":{\"zod\":\"^3.23.0\"},"
                + "\"artifact\":{\"kind\":\"package\",\"location\":\"npm:load@" + version + "\",\"sha256\":\""
                + "ab".repeat(32) + "\"}}";
    }

    static HttpResponse<String> send(String base, String token, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }
}
