import dev.mcpver.audit.AuditChain;
import dev.mcpver.store.Database;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Fills a fresh database with N valid audit entries of realistic size (a version transition: before/after
 * snapshots of about 600 bytes each), in batches, and sets the head. Run on the fat jar's classpath:
 *
 * <pre>
 * java -cp target/mcpver.jar bench/registry/AuditFill.java jdbc:sqlite:/tmp/audit.db 1000000
 * </pre>
 */
public class AuditFill {
    public static void main(String[] args) {
        Database database = Database.openMigrated(args[0]);
        long total = Long.parseLong(args[1]);
        AuditChain chain = new AuditChain();
        String prev = AuditChain.GENESIS;
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        long started = System.nanoTime();
        for (long from = 1; from <= total; from += 10_000) {
            long to = Math.min(total, from + 9_999);
            prev = batch(database, chain, prev, base, from, to);
        }
        String head = prev;
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                .bind("seq", total).bind("hash", head).execute());
        System.out.printf(Locale.ROOT, "filled %d entries in %.1f s%n", total, (System.nanoTime() - started) / 1e9);
    }

    static String batch(Database database, AuditChain chain, String prevHash, Instant base, long from, long to) {
        return database.jdbi().inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO audit_log (seq, at, actor, action, target_type, target_id,"
                    + " before_json, after_json, request_id, prev_hash, hash) VALUES (:seq, :at, :actor, :action,"
                    + " :targetType, :targetId, :before, :after, :requestId, :prevHash, :hash)");
            String prev = prevHash;
            for (long seq = from; seq <= to; seq++) {
                String at = base.plusMillis(seq).toString();
                String id = String.format(Locale.ROOT, "01JVERSION%016d", seq % 50_000);
                String before = snapshot(id, "staging", seq);
                String after = snapshot(id, "production", seq + 1);
                String requestId = "req-" + seq;
                String hash = chain.hash(seq, at, "token:01JOPERATOR", "version.transition", "version", id, before,
                        after, requestId, prev);
                batch.bind("seq", seq).bind("at", at).bind("actor", "token:01JOPERATOR")
                        .bind("action", "version.transition").bind("targetType", "version").bind("targetId", id)
                        .bind("before", before).bind("after", after).bind("requestId", requestId)
                        .bind("prevHash", prev).bind("hash", hash).add();
                prev = hash;
            }
            batch.execute();
            return prev;
        });
    }

    static String snapshot(String id, String stage, long revision) {
        return "{\"artifact\":{\"kind\":\"package\",\"location\":\"npm:@acme/weather@1.4.0\",\"sha256\":\""
                + "ab".repeat(32) + "\"},\"changelog\":\"Fixes the forecast cache.\",\"compat\":null,"
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"createdBy\":\"token:01JOPERATOR\",\"declaredBump\":\"minor\","
                + "\"dependencies\":{\"zod\":\"^3.23.0\"},\"id\":\"" + id + "\",\"previousVersion\":\"1.3.2\","
                + "\"revision\":" + revision + ",\"securityUpdates\":[],\"serverId\":\"01JSERVER\",\"stage\":\"" + stage
                + "\",\"surface\":null,\"surfaceSha256\":\"" + "cd".repeat(32) + "\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
                + "\"version\":\"1.4.0\"}";
    }
}
