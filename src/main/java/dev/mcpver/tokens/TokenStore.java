package dev.mcpver.tokens;

import dev.mcpver.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Persistence of API tokens. Each change commits together with its audit entry. Thread-safe.
 */
public interface TokenStore {
    /** Stores a new token under the hash of its secret. */
    void insert(ApiToken token, String secretHash, AuditEvent event);

    /**
     * Stores the first admin token, once per installation: only if no bootstrap happened before and no active
     * admin token exists. Returns whether it was stored.
     */
    boolean insertFirstAdmin(ApiToken token, String secretHash, Function<ApiToken, AuditEvent> event);

    /** The active token whose secret has this hash. */
    Optional<ApiToken> findActiveBySecretHash(String secretHash);

    Optional<ApiToken> find(String id);

    /** Every token, newest first. */
    List<ApiToken> list();

    /**
     * Revokes a token atomically, refusing to revoke the last active admin token.
     *
     * @param event builds the audit event from the token before and after revocation
     */
    TokenRevocation revoke(String id, Instant at, String by, AuditEventFactory event);

    /** Builds the audit event of a change from the states before and after it. */
    @FunctionalInterface
    interface AuditEventFactory {
        AuditEvent create(ApiToken before, ApiToken after);
    }
}
