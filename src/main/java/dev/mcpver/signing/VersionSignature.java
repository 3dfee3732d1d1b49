package dev.mcpver.signing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A signature attached to a version.
 *
 * @param id stable identifier (ULID)
 * @param versionId the signed version
 * @param keyId the key that made it
 * @param signature base64 Ed25519 signature of the release manifest's canonical bytes
 * @param manifestSha256 SHA-256 of the manifest that was signed (to tell at a glance whether it still matches)
 * @param createdAt when it was attached
 * @param createdBy who attached it
 */
public record VersionSignature(
        @JsonProperty("id") String id,
        @JsonProperty("versionId") String versionId,
        @JsonProperty("keyId") String keyId,
        @JsonProperty("signature") String signature,
        @JsonProperty("manifestSha256") String manifestSha256,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("createdBy") String createdBy) {}
