package dev.mcpver.rollback;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A detached signature of an artifact: over the UTF-8 bytes of {@code sha256:<hex digest>}.
 *
 * @param keyId which trusted key signed it
 * @param algorithm {@code ed25519}
 * @param value base64 of the signature bytes
 */
public record ArtifactSignature(String keyId, String algorithm, String value) {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ArtifactSignature {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("signature keyId must be letters, digits, . _ - (max 64)");
        }
        if (!algorithm.equals("ed25519")) {
            throw new IllegalArgumentException("signature algorithm must be ed25519");
        }
        try {
            Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature value must be base64", e);
        }
    }

    /** What is signed for an artifact with this digest. */
    public static String signedText(String sha256) {
        return "sha256:" + sha256;
    }
}
