package dev.mcpver.rollback;

/** An artifact was refused (digest, signature, unsafe entries) or could not be installed; nothing was left behind. */
public final class InstallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
