package dev.mcpver.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets and their stored form.
 *
 * <p>A secret is {@code mcpv_} followed by 32 bytes from a {@link SecureRandom}, base64url-encoded (256 bits of
 * entropy). It is stored only as its SHA-256. A fast hash is enough here — unlike a password, the secret is
 * random and long, so guessing it from the hash is as hard as guessing it outright — and it lets each request find
 * its token by an indexed equality lookup instead of running a slow KDF against every stored token (ADR 0030).
 */
public final class TokenHash {
    /** Marks mcpver tokens, so secret scanners and humans recognise one. */
    public static final String PREFIX = "mcpv_";

    private static final int SECRET_BYTES = 32;
    private static final int HINT_LENGTH = PREFIX.length() + 4;

    private TokenHash() {}

    /** A new random secret. */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 bytes: what the database keeps. */
    public static String of(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    /** The first characters of a secret ({@code mcpv_AbCd…}), enough to tell tokens apart in a list. */
    public static String hint(String secret) {
        return secret.substring(0, Math.min(HINT_LENGTH, secret.length())) + "…";
    }
}
