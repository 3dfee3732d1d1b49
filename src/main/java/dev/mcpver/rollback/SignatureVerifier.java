package dev.mcpver.rollback;

/**
 * Port: checks an artifact's detached signature against trusted keys. The registry feature owns signing; until it
 * lands, {@code deploy.TrustedKeysSignatureVerifier} reads Ed25519 public keys from {@code MCPVER_HOME/trusted-keys}.
 */
@FunctionalInterface
public interface SignatureVerifier {
    SignatureCheck verify(String sha256, ArtifactSignature signature);
}
