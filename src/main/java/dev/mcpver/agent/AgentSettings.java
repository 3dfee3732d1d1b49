package dev.mcpver.agent;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The agent's configuration (validated; built by {@code AppConfig} from {@code MCPVER_AGENT_*} and
 * {@code MCPVER_LLM_*}). The API key is redacted from {@link #toString()}.
 *
 * @param mode {@code auto}: online when a key or an explicit base URL is set, offline otherwise
 * @param baseUrl OpenAI-compatible base URL including {@code /v1} (OpenRouter's by default)
 * @param baseUrlExplicit the base URL was configured (a local server needs no key)
 * @param apiKey bearer key, if any ({@code MCPVER_LLM_API_KEY}, else {@code OPENROUTER_API_KEY})
 * @param model model id, e.g. {@code openai/gpt-4o-mini}
 * @param maxRetries retries per model call after the first attempt
 * @param maxRounds model rounds per run before {@code max_rounds_exceeded}
 * @param timeout connect and read timeout of one model request
 * @param maxRetryWait longest wait before a retry; a longer {@code Retry-After} fails the call at once
 * @param fallbackOffline finish with the offline planner when the model fails (run labelled {@code degraded})
 * @param appUrl {@code HTTP-Referer} attribution header
 * @param appTitle {@code X-Title} / {@code X-OpenRouter-Title} attribution header
 * @param provider {@code openrouter} (attribution headers and {@code provider.require_parameters} are sent) or
 *     {@code openai-compatible}; derived from the base URL unless configured
 */
public record AgentSettings(
        AgentMode mode,
        URI baseUrl,
        boolean baseUrlExplicit,
        @Nullable ApiKey apiKey,
        String model,
        int maxRetries,
        int maxRounds,
        Duration timeout,
        Duration maxRetryWait,
        boolean fallbackOffline,
        String appUrl,
        String appTitle,
        String provider) {

    public static final String OPENROUTER = "https://openrouter.ai/api/v1";
    public static final String DEFAULT_MODEL = "openai/gpt-4o-mini";

    public AgentSettings {
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be 0-10");
        }
        if (maxRounds < 1 || maxRounds > 200) {
            throw new IllegalArgumentException("maxRounds must be 1-200");
        }
        if (timeout.isNegative() || timeout.isZero() || maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (!provider.equals("openrouter") && !provider.equals("openai-compatible")) {
            throw new IllegalArgumentException("provider must be openrouter or openai-compatible");
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (mode == AgentMode.ONLINE && !modelConfigured(baseUrlExplicit, apiKey)) {
            throw new IllegalArgumentException("online mode needs an API key or an explicit base URL");
        }
    }

    /** Defaults: auto mode with nothing configured, hence offline. */
    public static AgentSettings defaults() {
        return new AgentSettings(
                AgentMode.AUTO,
                URI.create(OPENROUTER),
                false,
                null,
                DEFAULT_MODEL,
                3,
                12,
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                false,
                "http://localhost",
                "mcpver",
                "openrouter");
    }

    /** True when a real model can be called: a key, or a base URL set on purpose (local servers need no key). */
    public boolean modelConfigured() {
        return modelConfigured(baseUrlExplicit, apiKey);
    }

    /** The mode {@code auto} resolves to. */
    public AgentMode effectiveMode() {
        if (mode != AgentMode.AUTO) {
            return mode;
        }
        return modelConfigured() ? AgentMode.ONLINE : AgentMode.OFFLINE;
    }

    /** Why runs are offline, for {@code /api/v1/agent/status}; empty when online. */
    public String offlineReason() {
        if (effectiveMode() == AgentMode.ONLINE) {
            return "";
        }
        return mode == AgentMode.OFFLINE
                ? "MCPVER_AGENT_MODE=offline"
                : "no model configured: set MCPVER_LLM_API_KEY (or OPENROUTER_API_KEY), or MCPVER_LLM_BASE_URL for a"
                        + " local OpenAI-compatible server";
    }

    /** The provider a base URL implies: OpenRouter by host, any other endpoint OpenAI-compatible. */
    public static String providerOf(URI baseUrl) {
        String host = baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(Locale.ROOT);
        return host.equals("openrouter.ai") || host.endsWith(".openrouter.ai") ? "openrouter" : "openai-compatible";
    }

    public AgentSettings withMode(AgentMode newMode) {
        return new AgentSettings(
                newMode,
                baseUrl,
                baseUrlExplicit,
                apiKey,
                model,
                maxRetries,
                maxRounds,
                timeout,
                maxRetryWait,
                fallbackOffline,
                appUrl,
                appTitle,
                provider);
    }

    /** A model pointed at an explicit base URL (tests, local servers); the provider follows the URL. */
    public AgentSettings withModel(URI newBaseUrl, @Nullable ApiKey key, String modelId) {
        return withModel(newBaseUrl, key, modelId, providerOf(newBaseUrl));
    }

    public AgentSettings withModel(URI newBaseUrl, @Nullable ApiKey key, String modelId, String newProvider) {
        return new AgentSettings(
                mode,
                newBaseUrl,
                true,
                key,
                modelId,
                maxRetries,
                maxRounds,
                timeout,
                maxRetryWait,
                fallbackOffline,
                appUrl,
                appTitle,
                newProvider);
    }

    public AgentSettings withLimits(int retries, int rounds, Duration requestTimeout) {
        return new AgentSettings(
                mode,
                baseUrl,
                baseUrlExplicit,
                apiKey,
                model,
                retries,
                rounds,
                requestTimeout,
                maxRetryWait,
                fallbackOffline,
                appUrl,
                appTitle,
                provider);
    }

    public AgentSettings withFallbackOffline(boolean fallback) {
        return new AgentSettings(
                mode,
                baseUrl,
                baseUrlExplicit,
                apiKey,
                model,
                maxRetries,
                maxRounds,
                timeout,
                maxRetryWait,
                fallback,
                appUrl,
                appTitle,
                provider);
    }

    private static boolean modelConfigured(boolean baseUrlExplicit, @Nullable ApiKey apiKey) {
        return apiKey != null || baseUrlExplicit;
    }
}
