package dev.mcpver.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Why a model call failed, classified once so the loop, the trace and the HTTP door agree.
 *
 * @param code stable code: {@code model_rate_limited}, {@code model_unavailable}, {@code model_timeout},
 *     {@code model_connection_failed}, {@code provider_error}, {@code model_auth_failed}, {@code model_refused},
 *     {@code model_credits_exhausted}, {@code model_not_found}, {@code model_bad_request}, {@code model_client_error}
 * @param retryable whether another attempt may succeed
 * @param providerStatus the provider's HTTP status (or the code inside a 200 error body), if any
 * @param retryAfter the provider's {@code Retry-After}, if it sent one
 * @param message what happened, for people; never contains credentials
 * @param bodyExcerpt the start of the provider's error body, if any
 */
public record ModelFailure(
        String code,
        boolean retryable,
        @Nullable Integer providerStatus,
        @Nullable Duration retryAfter,
        String message,
        @Nullable String bodyExcerpt) {

    static final int MAX_BODY = 2_000;

    public ModelFailure {
        if (bodyExcerpt != null && bodyExcerpt.length() > MAX_BODY) {
            bodyExcerpt = bodyExcerpt.substring(0, MAX_BODY) + "…";
        }
    }

    /** The status a door answers with: 503 when the provider asks us to wait, 504 on timeouts, else 502. */
    public int gatewayStatus() {
        return switch (code) {
            case "model_rate_limited" -> 503;
            case "model_timeout" -> 504;
            default -> providerStatus != null && providerStatus == 503 ? 503 : 502;
        };
    }

    /** Seconds to wait before trying again, when the provider said so. */
    public @Nullable Long retryAfterSeconds() {
        return retryAfter == null ? null : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The trace payload of the error step, with the wait the loop chose (null when it gives up). */
    ObjectNode payload(int attempt, @Nullable Duration wait) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("code", code);
        payload.put("message", message);
        payload.put("attempt", attempt);
        payload.put("retryable", retryable);
        if (providerStatus != null) {
            payload.put("providerStatus", providerStatus);
        }
        if (retryAfter != null) {
            payload.put("retryAfterMs", retryAfter.toMillis());
        }
        if (wait != null) {
            payload.put("waitMs", wait.toMillis());
        }
        if (bodyExcerpt != null) {
            payload.put("body", bodyExcerpt);
        }
        return payload;
    }
}
