package dev.mcpver.auth;

import java.util.Optional;

/**
 * Resolves a bearer token to a caller. Implementations compare against hashes only: a token is never stored or
 * logged in clear. Thread-safe.
 */
@FunctionalInterface
public interface Authenticator {
    /** The caller owning this token, or empty when the token is unknown, revoked or expired. */
    Optional<Caller> authenticate(String bearerToken);

    /** Knows no tokens: every request is anonymous. */
    static Authenticator none() {
        return token -> Optional.empty();
    }
}
