package dev.mcpver.store;

import dev.mcpver.audit.AuditEvent;
import dev.mcpver.signing.SigningKey;
import dev.mcpver.signing.SigningStore;
import dev.mcpver.signing.VersionSignature;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Public keys and version signatures; each change appends its audit entry in the same transaction. */
public final class SqlSigningStore implements SigningStore {
    private static final String KEY_COLUMNS =
            "id, public_key, fingerprint, created_at, created_by, revoked_at, revoked_by";

    private final Database database;
    private final SqlAuditLog audit;

    public SqlSigningStore(Database database, SqlAuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public boolean insertKey(SigningKey key, AuditEvent event) {
        return Constraints.unlessDuplicate(() -> database.inWriteTransaction(handle -> {
            handle.createUpdate("INSERT INTO signing_keys (id, public_key, fingerprint, created_at, created_by)"
                            + " VALUES (:id, :publicKey, :fingerprint, :createdAt, :createdBy)")
                    .bind("id", key.id())
                    .bind("publicKey", key.publicKey())
                    .bind("fingerprint", key.fingerprint())
                    .bind("createdAt", key.createdAt().toString())
                    .bind("createdBy", key.createdBy())
                    .execute();
            audit.append(handle, event);
            return true;
        }));
    }

    @Override
    public Optional<SigningKey> findKey(String id) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT " + KEY_COLUMNS + " FROM signing_keys WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> key(rs))
                        .findOne());
    }

    @Override
    public List<SigningKey> keys() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT " + KEY_COLUMNS + " FROM signing_keys ORDER BY id")
                        .map((rs, ctx) -> key(rs))
                        .list());
    }

    @Override
    public boolean revokeKey(String id, Instant at, String by, AuditEvent event) {
        return database.inWriteTransaction(handle -> {
            int changed = handle.createUpdate("UPDATE signing_keys SET revoked_at = :at, revoked_by = :by"
                            + " WHERE id = :id AND revoked_at IS NULL")
                    .bind("at", at.toString())
                    .bind("by", by)
                    .bind("id", id)
                    .execute();
            if (changed == 0) {
                return false;
            }
            audit.append(handle, event);
            return true;
        });
    }

    @Override
    public void insertSignature(VersionSignature signature, AuditEvent event) {
        database.inWriteTransaction(handle -> {
            handle.createUpdate("INSERT INTO version_signatures (id, version_id, key_id, signature, manifest_sha256,"
                            + " created_at, created_by) VALUES (:id, :versionId, :keyId, :signature, :manifestSha256,"
                            + " :createdAt, :createdBy)")
                    .bind("id", signature.id())
                    .bind("versionId", signature.versionId())
                    .bind("keyId", signature.keyId())
                    .bind("signature", signature.signature())
                    .bind("manifestSha256", signature.manifestSha256())
                    .bind("createdAt", signature.createdAt().toString())
                    .bind("createdBy", signature.createdBy())
                    .execute();
            return audit.append(handle, event);
        });
    }

    @Override
    public List<VersionSignature> signatures(String versionId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT id, version_id, key_id, signature,"
                                + " manifest_sha256, created_at, created_by FROM version_signatures"
                                + " WHERE version_id = :id ORDER BY id")
                        .bind("id", versionId)
                        .map((rs, ctx) -> new VersionSignature(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                Instant.parse(rs.getString(6)),
                                rs.getString(7)))
                        .list());
    }

    private static SigningKey key(ResultSet rs) throws SQLException {
        return new SigningKey(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.parse(rs.getString(4)),
                rs.getString(5),
                SqlTokenStore.instant(rs.getString(6)),
                rs.getString(7));
    }
}
