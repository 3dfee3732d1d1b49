package dev.mcpver.signing;

/** What attaching a signature to a version did. */
public sealed interface SignatureAttachment {
    /** Verified and stored. */
    record Attached(VersionSignature signature) implements SignatureAttachment {}

    record VersionNotFound(String versionId) implements SignatureAttachment {}

    record KeyNotFound(String keyId) implements SignatureAttachment {}

    record KeyRevoked(String keyId) implements SignatureAttachment {}

    /** The signature does not verify against the version's manifest with that key: nothing was stored. */
    record Invalid(String keyId, String manifestSha256) implements SignatureAttachment {}
}
