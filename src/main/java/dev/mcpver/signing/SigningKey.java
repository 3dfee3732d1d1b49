package dev.mcpver.signing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A registered public key.
 *
 * @param id the name signers refer to ({@code release-2026})
 * @param publicKey X.509 PEM
 * @param fingerprint SHA-256 of the DER encoding
 * @param createdAt when it was registered
 * @param createdBy who registered it
 * @param revokedAt when it was revoked (its signatures stop counting); null while active
 * @param revokedBy who revoked it
 */
public record SigningKey(
        @JsonProperty("id") String id,
        @JsonProperty("publicKey") String publicKey,
        @JsonProperty("fingerprint") String fingerprint,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("createdBy") String createdBy,
        @JsonProperty("revokedAt") @Nullable Instant revokedAt,
        @JsonProperty("revokedBy") @Nullable String revokedBy) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public SigningKey {
        requireValidId(id);
    }

    public static String requireValidId(@Nullable String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("keyId: expected 1-64 letters, digits or ._- (got \"" + id + "\")");
        }
        return id;
    }

    public boolean active() {
        return revokedAt == null;
    }
}
