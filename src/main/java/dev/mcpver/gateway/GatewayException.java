package dev.mcpver.gateway;

/** A request the gateway refuses before forwarding it; {@link #status} is the HTTP status to answer with. */
public final class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Kind {
        NOT_FOUND(404, -32001),
        INVALID(400, -32600),
        RATE_LIMITED(429, -32029),
        BUSY(503, -32030),
        SESSION_UNKNOWN(404, -32001);

        private final int status;
        private final int code;

        Kind(int status, int code) {
            this.status = status;
            this.code = code;
        }
    }

    private final Kind kind;

    public GatewayException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static GatewayException notFound(String message) {
        return new GatewayException(Kind.NOT_FOUND, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return kind.status;
    }

    /** The JSON-RPC error code of the answer. */
    public int code() {
        return kind.code;
    }
}
