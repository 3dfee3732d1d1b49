package dev.mcpver.store;

import dev.mcpver.audit.AuditEvent;
import dev.mcpver.auth.Role;
import dev.mcpver.tokens.ApiToken;
import dev.mcpver.tokens.TokenRevocation;
import dev.mcpver.tokens.TokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** API tokens in {@code api_tokens}; every change appends its audit entry in the same transaction. Thread-safe. */
public final class SqlTokenStore implements TokenStore {
    private static final String COLUMNS = "id, name, role, hint, created_at, created_by, revoked_at, revoked_by";
    private static final String BOOTSTRAP_KEY = "auth.bootstrapped_at";

    private final Database database;
    private final SqlAuditLog audit;

    public SqlTokenStore(Database database, SqlAuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public void insert(ApiToken token, String secretHash, AuditEvent event) {
        database.inWriteTransaction(handle -> {
            insert(handle, token, secretHash);
            return audit.append(handle, event);
        });
    }

    @Override
    public boolean insertFirstAdmin(ApiToken token, String secretHash, Function<ApiToken, AuditEvent> event) {
        return database.inWriteTransaction(handle -> {
            int marked = handle.createUpdate("INSERT INTO app_meta (key, value, updated_at) VALUES (:key, :value, :at)"
                            + " ON CONFLICT (key) DO NOTHING")
                    .bind("key", BOOTSTRAP_KEY)
                    .bind("value", token.createdAt().toString())
                    .bind("at", token.createdAt().toString())
                    .execute();
            if (marked == 0 || activeAdmins(handle) > 0) {
                return false; // bootstrapped before, or an admin made tokens already: keep the marker, add nothing
            }
            insert(handle, token, secretHash);
            audit.append(handle, event.apply(token));
            return true;
        });
    }

    @Override
    public Optional<ApiToken> findActiveBySecretHash(String secretHash) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                                + " FROM api_tokens WHERE secret_sha256 = :hash AND revoked_at IS NULL")
                        .bind("hash", secretHash)
                        .map((rs, ctx) -> token(rs))
                        .findOne());
    }

    @Override
    public Optional<ApiToken> find(String id) {
        return database.jdbi().withHandle(handle -> find(handle, id));
    }

    @Override
    public List<ApiToken> list() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM api_tokens ORDER BY id DESC")
                        .map((rs, ctx) -> token(rs))
                        .list());
    }

    @Override
    public TokenRevocation revoke(String id, Instant at, String by, AuditEventFactory event) {
        return database.inWriteTransaction(handle -> {
            Optional<ApiToken> found = find(handle, id);
            if (found.isEmpty()) {
                return new TokenRevocation.NotFound(id);
            }
            ApiToken before = found.get();
            if (!before.active()) {
                return new TokenRevocation.AlreadyRevoked(before);
            }
            if (before.role() == Role.ADMIN && activeAdmins(handle) <= 1) {
                return new TokenRevocation.LastAdmin(before);
            }
            ApiToken after = before.revoked(at, by);
            handle.createUpdate("UPDATE api_tokens SET revoked_at = :at, revoked_by = :by WHERE id = :id")
                    .bind("at", at.toString())
                    .bind("by", by)
                    .bind("id", id)
                    .execute();
            audit.append(handle, event.create(before, after));
            return new TokenRevocation.Revoked(after);
        });
    }

    private static Optional<ApiToken> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> token(rs))
                .findOne();
    }

    private static int activeAdmins(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL")
                .mapTo(Integer.class)
                .one();
    }

    private static void insert(Handle handle, ApiToken token, String secretHash) {
        handle.createUpdate("INSERT INTO api_tokens (id, name, role, secret_sha256, hint, created_at, created_by)"
                        + " VALUES (:id, :name, :role, :hash, :hint, :createdAt, :createdBy)")
                .bind("id", token.id())
                .bind("name", token.name())
                .bind("role", token.role().wireName())
                .bind("hash", secretHash)
                .bind("hint", token.hint())
                .bind("createdAt", token.createdAt().toString())
                .bind("createdBy", token.createdBy())
                .execute();
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(
                rs.getString("id"),
                rs.getString("name"),
                Role.fromWire(rs.getString("role")).orElseThrow(),
                rs.getString("hint"),
                Instant.parse(rs.getString("created_at")),
                rs.getString("created_by"),
                instant(rs.getString("revoked_at")),
                rs.getString("revoked_by"));
    }

    static @Nullable Instant instant(@Nullable String text) {
        return text == null ? null : Instant.parse(text);
    }
}
