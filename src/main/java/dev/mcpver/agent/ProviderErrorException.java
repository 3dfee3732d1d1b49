package dev.mcpver.agent;

/**
 * An HTTP 200 whose body is {@code {"error": {...}}}: OpenRouter reports failures that happen after generation
 * started this way. Thrown by {@link HeaderKeepingHttpClient} before LangChain4j parses the body, so the failure keeps
 * the provider's code and message instead of becoming "no choices returned".
 */
final class ProviderErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String body;

    ProviderErrorException(int code, String message, String body) {
        super(message);
        this.code = code;
        this.body = body;
    }

    /** The provider's error code (often an HTTP status), 0 when absent. */
    int code() {
        return code;
    }

    String body() {
        return body;
    }
}
