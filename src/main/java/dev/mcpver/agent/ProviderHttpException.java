package dev.mcpver.agent;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A non-2xx answer from the model provider, keeping the response headers that LangChain4j's own
 * {@link HttpException} drops ({@code Retry-After} above all). LangChain4j maps it by status to its exception family
 * and keeps it as the cause, where {@link FailureClassifier} finds it.
 */
final class ProviderHttpException extends HttpException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialised
    private final Map<String, List<String>> headers;

    ProviderHttpException(int status, String body, Map<String, List<String>> headers) {
        super(status, body);
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        this.headers = Map.copyOf(lower);
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    String body() {
        return String.valueOf(getMessage());
    }
}
