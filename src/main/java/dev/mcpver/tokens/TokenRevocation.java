package dev.mcpver.tokens;

/** What revoking a token did. */
public sealed interface TokenRevocation {
    /** The token was active and is now revoked. */
    record Revoked(ApiToken token) implements TokenRevocation {}

    /** The token was already revoked; nothing changed. */
    record AlreadyRevoked(ApiToken token) implements TokenRevocation {}

    /** No token has this id. */
    record NotFound(String id) implements TokenRevocation {}

    /**
     * Refused: it is the last active admin token, and revoking it would leave nobody able to manage tokens over
     * HTTP. Create another admin token first (or use {@code mcpver tokens} locally).
     */
    record LastAdmin(ApiToken token) implements TokenRevocation {}
}
