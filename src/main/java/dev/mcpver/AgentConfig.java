package dev.mcpver;

import dev.mcpver.agent.AgentMode;
import dev.mcpver.agent.AgentSettings;
import dev.mcpver.agent.ApiKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the agent's settings ({@code MCPVER_AGENT_*}, {@code MCPVER_LLM_*}, {@code OPENROUTER_API_KEY}) with the same
 * precedence and one-line errors as every other setting. The API key is only ever read from the environment, never
 * from a flag (flags show up in process listings).
 */
final class AgentConfig {
    private AgentConfig() {}

    static AgentSettings load(Settings settings) {
        AgentSettings defaults = AgentSettings.defaults();
        Optional<Settings.Raw> baseUrl = settings.lookup("llm-base-url", "MCPVER_LLM_BASE_URL");
        ApiKey key = settings.env("MCPVER_LLM_API_KEY")
                .or(() -> settings.env("OPENROUTER_API_KEY"))
                .map(ApiKey::new)
                .orElse(null);
        URI base = baseUrl.map(raw -> baseUrl(raw, key != null)).orElse(defaults.baseUrl());
        Settings.Raw modeRaw = settings.get("agent-mode", "MCPVER_AGENT_MODE", "auto");
        AgentMode mode = AgentMode.fromWire(modeRaw.value())
                .orElseThrow(() -> modeRaw.invalid("expected auto, online or offline"));
        if (mode == AgentMode.ONLINE && key == null && baseUrl.isEmpty()) {
            throw modeRaw.invalid(
                    "online mode needs MCPVER_LLM_API_KEY (or OPENROUTER_API_KEY), or MCPVER_LLM_BASE_URL for a local"
                            + " server");
        }
        return new AgentSettings(
                mode,
                base,
                baseUrl.isPresent(),
                key,
                model(settings.get("llm-model", "MCPVER_LLM_MODEL", defaults.model())),
                bounded(settings.get("llm-max-retries", "MCPVER_LLM_MAX_RETRIES", "3"), 0, 10),
                bounded(settings.get("agent-max-rounds", "MCPVER_AGENT_MAX_ROUNDS", "12"), 1, 200),
                seconds(settings.get("llm-timeout", "MCPVER_LLM_TIMEOUT", "60s")),
                seconds(settings.get("llm-max-retry-wait", "MCPVER_LLM_MAX_RETRY_WAIT", "60s")),
                onFailure(settings.get("agent-on-model-failure", "MCPVER_AGENT_ON_MODEL_FAILURE", "fail")),
                settings.get("llm-app-url", "MCPVER_LLM_APP_URL", defaults.appUrl())
                        .value()
                        .strip(),
                settings.get("llm-app-title", "MCPVER_LLM_APP_TITLE", defaults.appTitle())
                        .value()
                        .strip(),
                provider(settings.get("llm-provider", "MCPVER_LLM_PROVIDER", AgentSettings.providerOf(base))));
    }

    private static URI baseUrl(Settings.Raw raw, boolean withKey) {
        URI uri;
        try {
            uri = new URI(raw.value().strip().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw raw.invalid("not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw raw.invalid("expected an http(s) URL such as https://openrouter.ai/api/v1");
        }
        if (withKey && scheme.equals("http") && !loopback(uri.getHost())) {
            throw raw.invalid("refusing to send the API key over plain http to a non-loopback host; use https");
        }
        return uri;
    }

    private static String provider(Settings.Raw raw) {
        String value = raw.value().strip().toLowerCase(Locale.ROOT);
        if (value.equals("openrouter") || value.equals("openai-compatible")) {
            return value;
        }
        throw raw.invalid("expected openrouter or openai-compatible");
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    private static String model(Settings.Raw raw) {
        String value = raw.value().strip();
        if (!value.matches("[\\w./:@-]{1,200}")) {
            throw raw.invalid("expected a model id such as openai/gpt-4o-mini");
        }
        return value;
    }

    private static int bounded(Settings.Raw raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw.value().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw raw.invalid("expected a whole number from " + min + " to " + max);
    }

    private static Duration seconds(Settings.Raw raw) {
        String value = raw.value().strip().toLowerCase(Locale.ROOT);
        String digits = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
        try {
            long parsed = Long.parseLong(digits);
            if (parsed >= 1 && parsed <= 3600) {
                return Duration.ofSeconds(parsed);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw raw.invalid("expected seconds from 1 to 3600, e.g. 60s");
    }

    private static boolean onFailure(Settings.Raw raw) {
        return switch (raw.value().strip().toLowerCase(Locale.ROOT)) {
            case "fail" -> false;
            case "offline" -> true;
            default -> throw raw.invalid("expected fail or offline");
        };
    }
}
