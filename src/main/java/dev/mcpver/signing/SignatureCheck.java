package dev.mcpver.signing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Every signature of a version checked against its current manifest.
 *
 * @param versionId the version
 * @param manifestSha256 SHA-256 of the manifest as the version stands now
 * @param valid at least one signature by an active key verifies
 * @param signatures each signature's status
 */
public record SignatureCheck(
        @JsonProperty("versionId") String versionId,
        @JsonProperty("manifestSha256") String manifestSha256,
        @JsonProperty("valid") boolean valid,
        @JsonProperty("signatures") List<Status> signatures) {
    public SignatureCheck {
        signatures = List.copyOf(signatures);
    }

    /**
     * One signature's status.
     *
     * @param keyId the key that made it
     * @param valid it verifies against the current manifest with an active registered key
     * @param reason why not, or {@code ok}
     * @param signedManifestSha256 the manifest hash recorded when it was attached
     */
    public record Status(
            @JsonProperty("keyId") String keyId,
            @JsonProperty("valid") boolean valid,
            @JsonProperty("reason") String reason,
            @JsonProperty("signedManifestSha256") String signedManifestSha256) {}
}
