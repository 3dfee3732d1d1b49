package dev.mcpver.gateway;

import org.jspecify.annotations.Nullable;

/** No upstream of the wanted version can answer (not running, died, ejected, or not installed). */
public final class UpstreamUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UpstreamUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
