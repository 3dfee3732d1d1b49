package dev.mcpver.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure a model call can end in, classified once (agent.md §1.4 and §5). */
class FailureClassifierTest {
    private final FailureClassifier classifier =
            new FailureClassifier(Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new RateLimitException(http(429)), "model_rate_limited", true, 503),
                Arguments.of(new InternalServerException(http(500)), "model_unavailable", true, 502),
                Arguments.of(new InternalServerException(http(503)), "model_unavailable", true, 503),
                Arguments.of(new AuthenticationException(http(401)), "model_auth_failed", false, 502),
                Arguments.of(new AuthenticationException(http(403)), "model_refused", false, 502),
                Arguments.of(new RuntimeException(http(402)), "model_credits_exhausted", false, 502),
                Arguments.of(new RuntimeException(http(404)), "model_not_found", false, 502),
                Arguments.of(new RuntimeException(http(400)), "model_bad_request", false, 502),
                Arguments.of(new RuntimeException(http(408)), "model_timeout", true, 504),
                Arguments.of(new UncheckedIOException(new HttpTimeoutException("read")), "model_timeout", true, 504),
                Arguments.of(
                        new UncheckedIOException(new ConnectException("refused")),
                        "model_connection_failed",
                        true,
                        502),
                Arguments.of(new ProviderErrorException(502, "upstream", "{}"), "provider_error", true, 502),
                Arguments.of(new InternalServerException("no choices returned"), "provider_error", true, 502),
                Arguments.of(new IllegalStateException("bug"), "model_client_error", false, 502));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void should_classify_each_failure_with_its_code_retry_rule_and_door_status(
            Throwable error, String code, boolean retryable, int status) {
        ModelFailure failure = classifier.classify(error);

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.gatewayStatus()).isEqualTo(status);
    }

    @Test
    void should_read_retry_after_as_seconds_or_an_http_date_and_ignore_garbage() {
        assertThat(classifier.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(classifier.parseRetryAfter("Sat, 21 Nov 2026 10:00:30 GMT")).contains(Duration.ofSeconds(30));
        assertThat(classifier.parseRetryAfter("Sat, 21 Nov 2026 09:00:00 GMT")).contains(Duration.ZERO);
        assertThat(classifier.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void should_give_up_at_once_when_retry_after_exceeds_the_longest_wait() {
        ModelCaller caller =
                new ModelCaller(classifier, wait -> {}, new java.util.Random(1), 3, Duration.ofSeconds(60));
        ModelFailure patient = new ModelFailure("model_rate_limited", true, 429, Duration.ofSeconds(5), "x", null);
        ModelFailure tooLong = new ModelFailure("model_rate_limited", true, 429, Duration.ofMinutes(5), "x", null);

        assertThat(caller.waitBefore(2, patient)).isEqualTo(Duration.ofSeconds(5));
        assertThat(caller.waitBefore(2, tooLong)).isNull();
        assertThat(caller.waitBefore(5, patient)).isNull();
        assertThat(tooLong.retryAfterSeconds()).isEqualTo(300);
    }

    private static ProviderHttpException http(int status) {
        return new ProviderHttpException(
                status, "{\"error\":{\"code\":" + status + "}}", Map.of("Retry-After", List.of("3")));
    }
}
