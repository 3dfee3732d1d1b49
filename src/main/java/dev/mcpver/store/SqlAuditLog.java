package dev.mcpver.store;

import dev.mcpver.audit.AuditChain;
import dev.mcpver.audit.AuditEntry;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.audit.AuditLog;
import dev.mcpver.audit.AuditQuery;
import dev.mcpver.audit.AuditTrail;
import dev.mcpver.audit.AuditVerification;
import dev.mcpver.audit.Verifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final Database database;
    private final Clock clock;

    public SqlAuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
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

    /** Reads the chain and its head in one snapshot, so concurrent appends cannot look like tampering. */
    @Override
    public AuditVerification verify() {
        return inSnapshot(handle -> {
            Verifier verifier = AuditChain.verifier();
            allInOrder(handle).map((rs, ctx) -> entry(rs)).useStream(stream -> stream.forEach(verifier::accept));
            Head head = head(handle);
            return verifier.finish(head.seq(), head.hash());
        });
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
