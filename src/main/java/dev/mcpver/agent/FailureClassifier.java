package dev.mcpver.agent;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns whatever a model call threw into a {@link ModelFailure}: the HTTP status (and {@code Retry-After}) from a
 * {@link ProviderHttpException} in the cause chain, a 200-with-error body, a timeout, or a connection fault.
 */
final class FailureClassifier {
    private final Clock clock;

    FailureClassifier(Clock clock) {
        this.clock = clock;
    }

    ModelFailure classify(Throwable error) {
        ProviderErrorException inBody = find(error, ProviderErrorException.class);
        if (inBody != null) {
            return new ModelFailure(
                    "provider_error",
                    true,
                    inBody.code() == 0 ? null : inBody.code(),
                    null,
                    "the provider answered HTTP 200 with an error: " + inBody.getMessage(),
                    inBody.body());
        }
        HttpException http = find(error, HttpException.class);
        if (http != null) {
            return fromStatus(http);
        }
        if (find(error, HttpTimeoutException.class) != null || find(error, TimeoutException.class) != null) {
            return new ModelFailure("model_timeout", true, null, null, "the model did not answer in time", null);
        }
        IOException io = find(error, IOException.class);
        if (io != null) {
            return new ModelFailure(
                    "model_connection_failed",
                    true,
                    null,
                    null,
                    "connection to the model failed: " + describe(io),
                    null);
        }
        if (error instanceof InternalServerException) {
            // LangChain4j's "no choices returned": an empty or error-shaped 200 it could not use
            return new ModelFailure("provider_error", true, null, null, describe(error), null);
        }
        return new ModelFailure("model_client_error", false, null, null, describe(error), null);
    }

    private ModelFailure fromStatus(HttpException http) {
        int status = http.statusCode();
        String body = String.valueOf(http.getMessage());
        Duration retryAfter = http instanceof ProviderHttpException headers
                ? headers.header("retry-after").flatMap(this::parseRetryAfter).orElse(null)
                : null;
        String code = codeFor(status);
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new ModelFailure(code, retryable, status, retryAfter, messageFor(code, status), body);
    }

    private static String codeFor(int status) {
        if (status == 429) {
            return "model_rate_limited";
        }
        if (status == 408) {
            return "model_timeout";
        }
        if (status >= 500) {
            return "model_unavailable";
        }
        return switch (status) {
            case 401 -> "model_auth_failed";
            case 402 -> "model_credits_exhausted";
            case 403 -> "model_refused";
            case 404 -> "model_not_found";
            default -> "model_bad_request";
        };
    }

    private static String messageFor(String code, int status) {
        return switch (code) {
            case "model_rate_limited" -> "the model provider is rate limiting requests (HTTP 429)";
            case "model_auth_failed" -> "the model provider rejected the API key (HTTP 401): check MCPVER_LLM_API_KEY";
            case "model_credits_exhausted" -> "the model provider account has no credits left (HTTP 402)";
            case "model_refused" ->
                "the model provider refused the request (HTTP 403: moderation, or a key without access)";
            case "model_not_found" -> "the model provider does not know this model (HTTP 404): check MCPVER_LLM_MODEL";
            case "model_timeout" -> "the model provider timed out (HTTP 408)";
            case "model_unavailable" -> "the model provider failed (HTTP " + status + ")";
            default -> "the model provider rejected the request (HTTP " + status + ")";
        };
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
    Optional<Duration> parseRetryAfter(String value) {
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
        int depth = 0;
        for (Throwable current = error; current != null && depth < 20; current = current.getCause(), depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}
