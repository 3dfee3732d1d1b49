package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.mcpver.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * LangChain4j's HTTP client seam, on {@code java.net.http}, for the blocking chat call only. It differs from
 * LangChain4j's JDK client in two ways the agent relies on: non-2xx answers throw {@link ProviderHttpException}
 * carrying the response headers ({@code Retry-After}), and a 200 whose body is an error object throws
 * {@link ProviderErrorException}. Retries are not done here: the loop retries visibly (agent.md §8.2).
 */
final class HeaderKeepingHttpClient implements HttpClient {
    private final java.net.http.HttpClient client;
    private final Duration readTimeout;

    private HeaderKeepingHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<String> response = send(request);
        String body = response.body();
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new ProviderHttpException(
                    response.statusCode(), body, response.headers().map());
        }
        rejectErrorBody(body);
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(body)
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedOperationException("the agent uses blocking chat calls only"));
    }

    private HttpResponse<String> send(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout)
                .method(
                        request.method().name(),
                        request.body() == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(
                                        request.body(), StandardCharsets.UTF_8));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model", e);
        }
    }

    /** OpenRouter's mid-generation failures: HTTP 200 with {@code {"error": {"code", "message"}}} and no choices. */
    private static void rejectErrorBody(@Nullable String body) {
        if (body == null || !body.contains("\"error\"")) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = Json.read(body);
        } catch (UncheckedIOException e) {
            return; // not JSON: LangChain4j reports it
        }
        JsonNode error = parsed.path("error");
        if (!error.isMissingNode() && !error.isNull() && !parsed.has("choices")) {
            String message = error.isObject() ? error.path("message").asText("provider error") : error.asText();
            throw new ProviderErrorException(error.path("code").asInt(0), message, body);
        }
    }

    /** The builder LangChain4j's model builder accepts. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration readTimeout = Duration.ofSeconds(60);

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(@Nullable Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(@Nullable Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new HeaderKeepingHttpClient(connectTimeout, readTimeout);
        }
    }
}
