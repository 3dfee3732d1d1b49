package dev.mcpver.tokens;

import dev.mcpver.auth.Authenticator;
import dev.mcpver.auth.Caller;
import java.util.Optional;

/**
 * Resolves bearer tokens against the stored hashes. No cache: a revoked token stops working on the next request.
 * Thread-safe.
 */
public final class StoredTokenAuthenticator implements Authenticator {
    /** Longer bearers are rejected without hashing: no legitimate token is that long. */
    private static final int MAX_TOKEN_LENGTH = 512;

    private final TokenStore store;

    public StoredTokenAuthenticator(TokenStore store) {
        this.store = store;
    }

    @Override
    public Optional<Caller> authenticate(String bearerToken) {
        if (bearerToken.isEmpty() || bearerToken.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return store.findActiveBySecretHash(TokenHash.of(bearerToken)).map(ApiToken::caller);
    }
}
