package dev.mcpver.tokens;

/**
 * A token just created, with its secret: the only moment the secret exists outside the bearer's hands. Shown once,
 * never stored; {@link #toString()} leaves it out so it cannot leak through a log line.
 *
 * @param token the stored part
 * @param secret the bearer token to hand to the client
 */
public record IssuedToken(ApiToken token, String secret) {
    @Override
    public String toString() {
        return "IssuedToken[token=" + token + ", secret=(redacted)]";
    }
}
