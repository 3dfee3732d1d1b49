package dev.mcpver.rollback;

/**
 * The outcome of checking an artifact's signature.
 *
 * @param status what was found
 * @param detail one sentence (the key id, or why it failed)
 */
public record SignatureCheck(Status status, String detail) {
    /** Signature states; only {@code INVALID} and {@code UNTRUSTED_KEY} stop an install. */
    public enum Status {
        VERIFIED,
        UNSIGNED,
        UNTRUSTED_KEY,
        INVALID
    }

    public boolean acceptable(boolean signatureRequired) {
        return status == Status.VERIFIED || (status == Status.UNSIGNED && !signatureRequired);
    }
}
