package dev.mcpver;

import dev.mcpver.store.Database;
import dev.mcpver.store.SqlAuditLog;
import dev.mcpver.store.SqlTokenStore;
import dev.mcpver.tokens.StoredTokenAuthenticator;
import dev.mcpver.tokens.TokenService;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The objects of the registry feature (tokens, audit trail, registry, lifecycle) over one database, created by
 * constructor. {@link App} builds one for the service; CLI commands build one for a single invocation, so both doors
 * run exactly the same code.
 */
public final class RegistryWiring {
    private final SqlAuditLog audit;
    private final SqlTokenStore tokenStore;
    private final TokenService tokens;

    public RegistryWiring(Database database, Clock clock) {
        this.audit = new SqlAuditLog(database, clock);
        this.tokenStore = new SqlTokenStore(database, audit);
        this.tokens = new TokenService(tokenStore, clock, new SecureRandom());
    }

    /** Append ({@code AuditLog}) and read/verify ({@code AuditTrail}) the audit trail. */
    public SqlAuditLog audit() {
        return audit;
    }

    public TokenService tokens() {
        return tokens;
    }

    public StoredTokenAuthenticator authenticator() {
        return new StoredTokenAuthenticator(tokenStore);
    }
}
