package dev.mcpver.store;

import dev.mcpver.audit.AuditChain;
import dev.mcpver.audit.AuditEntry;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.audit.AuditLog;
import dev.mcpver.audit.AuditProblem;
import dev.mcpver.audit.AuditQuery;
import dev.mcpver.audit.AuditTrail;
import dev.mcpver.audit.AuditVerification;
import dev.mcpver.audit.RawEntry;
import dev.mcpver.audit.Verifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail in the {@code audit_log} table. Appends lock the single {@code audit_head} row first, so
 * concurrent appenders (threads or processes, SQLite or PostgreSQL) take turns and the chain stays linear.
 * Thread-safe.
 */
public final class SqlAuditLog implements AuditLog, AuditTrail {
    private static final String COLUMNS =
            "seq, at, actor, action, target_type, target_id, before_json, after_json," + " request_id, prev_hash, hash";
    private static final int FETCH_SIZE = 2_000;
    /** Chains shorter than this are verified on one connection; longer ones in parallel segments. */
    private static final long PARALLEL_FROM = 100_000;

    private static final long MMAP_BYTES = 1L << 32;

    private final long parallelFrom;

    private final Database database;
    private final Clock clock;

    public SqlAuditLog(Database database, Clock clock) {
        this(database, clock, PARALLEL_FROM);
    }

    /** For tests: split verification into parallel segments from {@code parallelFrom} entries on. */
    SqlAuditLog(Database database, Clock clock, long parallelFrom) {
        this.database = database;
        this.clock = clock;
        this.parallelFrom = parallelFrom;
    }

    @Override
    public AuditEntry record(AuditEvent event) {
        return database.inWriteTransaction(handle -> append(handle, event));
    }

    /**
     * Appends inside the caller's transaction, so a state change and its entry commit together. Call it last in
     * the transaction: it holds the head lock until commit.
     */
    public AuditEntry append(Handle handle, AuditEvent event) {
        handle.createUpdate("UPDATE audit_head SET seq = seq + 1 WHERE id = 1").execute();
        Head head = head(handle);
        String at = clock.instant().toString();
        String before = event.beforeText();
        String after = event.afterText();
        String hash = new AuditChain()
                .hash(
                        head.seq(),
                        at,
                        event.actor(),
                        event.action(),
                        event.targetType(),
                        event.targetId(),
                        before,
                        after,
                        event.requestId(),
                        head.hash());
        AuditEntry entry = new AuditEntry(
                head.seq(),
                at,
                event.actor(),
                event.action(),
                event.targetType(),
                event.targetId(),
                before,
                after,
                event.requestId(),
                head.hash(),
                hash);
        insert(handle, entry);
        handle.createUpdate("UPDATE audit_head SET hash = :hash WHERE id = 1")
                .bind("hash", hash)
                .execute();
        return entry;
    }

    @Override
    public List<AuditEntry> page(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE seq > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", query.afterSeq());
        params.put("limit", query.limit());
        filter(sql, params, "target_type", "targetType", query.targetType());
        filter(sql, params, "target_id", "targetId", query.targetId());
        filter(sql, params, "action", "action", query.action());
        sql.append(" ORDER BY seq LIMIT :limit");
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(sql.toString())
                        .bindMap(params)
                        .map((rs, ctx) -> entry(rs))
                        .list());
    }

    /** Adds {@code AND column = :name} and its value when the filter is set (Jdbi refuses unused bindings). */
    private static void filter(
            StringBuilder sql, Map<String, Object> params, String column, String name, @Nullable String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    @Override
    public void forEach(Consumer<AuditEntry> consumer) {
        inSnapshot(handle -> {
            allInOrder(handle).map((rs, ctx) -> entry(rs)).useStream(stream -> stream.forEach(consumer));
            return null;
        });
    }

    /**
     * Walks the chain up to the head recorded at the start. Entries are immutable and an append commits its entry
     * with the head, so every entry up to that head is in place: large chains are split into segments verified in
     * parallel, each on its own connection, then joined (links across segment borders are checked too).
     */
    @Override
    public AuditVerification verify() {
        Bounds bounds = inSnapshot(SqlAuditLog::bounds);
        List<Callable<Verifier>> tasks = new ArrayList<>();
        int segments = bounds.head().seq() < parallelFrom
                ? 1
                : Math.min(8, 2 * Runtime.getRuntime().availableProcessors());
        long size = Math.max(1, (bounds.head().seq() + segments - 1) / segments);
        for (long from = 1; from <= Math.max(1, bounds.head().seq()); from += size) {
            long first = from;
            long last = Math.min(bounds.head().seq(), from + size - 1);
            tasks.add(() -> verifySegment(first, last));
        }
        List<AuditProblem> extra = bounds.outside() == 0
                ? List.of()
                : List.of(new AuditProblem(
                        bounds.head().seq(),
                        AuditProblem.Kind.HEAD_MISMATCH,
                        bounds.outside() + " entries lie outside 1.."
                                + bounds.head().seq() + ", the range the head record covers"));
        return Verifier.join(runAll(tasks), bounds.head().seq(), bounds.head().hash(), extra);
    }

    private record Bounds(Head head, long outside) {}

    private static Bounds bounds(Handle handle) {
        Head head = head(handle);
        long outside = handle.createQuery("SELECT COUNT(*) FROM audit_log WHERE seq < 1 OR seq > :head")
                .bind("head", head.seq())
                .mapTo(Long.class)
                .one();
        return new Bounds(head, outside);
    }

    private Verifier verifySegment(long first, long last) {
        Verifier verifier = first == 1 ? AuditChain.verifier() : AuditChain.segment(first);
        database.jdbi()
                .useHandle(handle -> handle.createQuery(
                                "SELECT " + COLUMNS + " FROM audit_log WHERE seq BETWEEN :first AND :last ORDER BY seq")
                        .bind("first", first)
                        .bind("last", last)
                        .setFetchSize(FETCH_SIZE)
                        .map((rs, ctx) -> raw(rs))
                        .useStream(stream -> stream.forEach(verifier::accept)));
        return verifier;
    }

    private static List<Verifier> runAll(List<Callable<Verifier>> tasks) {
        if (tasks.size() == 1) {
            try {
                return List.of(tasks.get(0).call());
            } catch (Exception e) {
                throw new StoreException("audit verification failed: " + e.getMessage(), e);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Verifier> done = new ArrayList<>();
            for (Future<Verifier> future : pool.invokeAll(tasks)) {
                done.add(future.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("audit verification interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("audit verification failed: " + cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The row as stored bytes: text columns are UTF-8 in both databases, so nothing is decoded and re-encoded. */
    private static RawEntry raw(ResultSet rs) throws SQLException {
        byte[][] fields = new byte[9][];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = rs.getBytes(i + 2);
        }
        return new RawEntry(rs.getLong(1), fields, rs.getBytes(11));
    }

    /** SQLite transactions read one snapshot already; PostgreSQL needs REPEATABLE READ for that. */
    private <T> T inSnapshot(HandleCallback<T, RuntimeException> work) {
        if (database.vendor().equals("postgresql")) {
            return database.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work);
        }
        return database.jdbi().inTransaction(work);
    }

    private static Query allInOrder(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")
                .setFetchSize(FETCH_SIZE);
    }

    private record Head(long seq, String hash) {}

    private static Head head(Handle handle) {
        return handle.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
                .one();
    }

    private static void insert(Handle handle, AuditEntry entry) {
        handle.createUpdate("INSERT INTO audit_log (" + COLUMNS + ") VALUES (:seq, :at, :actor, :action, :targetType,"
                        + " :targetId, :before, :after, :requestId, :prevHash, :hash)")
                .bindMethods(entry)
                .execute();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11));
    }
}
