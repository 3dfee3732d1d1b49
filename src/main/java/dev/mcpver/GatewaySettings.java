package dev.mcpver;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the MCP gateway, from the environment (validated; a bad value names its variable).
 *
 * @param ratePerSecond {@code MCPVER_GATEWAY_RATE}: requests per second each client may send (token bucket), default
 *     100
 * @param burst {@code MCPVER_GATEWAY_BURST}: the bucket's size, default 200
 * @param maxInFlight {@code MCPVER_GATEWAY_MAX_IN_FLIGHT}: requests forwarded at once over all servers, default 512
 * @param requestTimeout {@code MCPVER_GATEWAY_TIMEOUT_MS}: how long an upstream may take to answer, default 60000
 * @param moveExistingSessions {@code MCPVER_GATEWAY_MOVE_EXISTING}: whether a rollback, halt or promotion also moves
 *     sessions already assigned, at their next request (default true)
 * @param upstreamsPerVersion {@code MCPVER_GATEWAY_UPSTREAMS}: processes per deployed version, default 1
 * @param latencyMetric {@code MCPVER_GATEWAY_METRIC_LATENCY}: metric name of a call's latency (ms), default
 *     {@code response_time}
 * @param errorMetric {@code MCPVER_GATEWAY_METRIC_ERROR}: 1 when the call failed, default {@code error}
 * @param successMetric {@code MCPVER_GATEWAY_METRIC_SUCCESS}: 1 when it did not, default {@code success}
 * @param healthInterval {@code MCPVER_GATEWAY_HEALTH_MS}: how often upstreams are pinged, default 5000
 * @param canarySteps {@code MCPVER_GATEWAY_CANARY_STEPS}: the canary's traffic ramp in percent, default 5,25,50
 *     (from the update's own starting share, the canary moves to each higher step in turn; after the last one it is
 *     promoted)
 */
public record GatewaySettings(
        int ratePerSecond,
        int burst,
        int maxInFlight,
        Duration requestTimeout,
        boolean moveExistingSessions,
        int upstreamsPerVersion,
        String latencyMetric,
        String errorMetric,
        String successMetric,
        Duration healthInterval,
        List<Integer> canarySteps) {
    public GatewaySettings {
        canarySteps = List.copyOf(canarySteps);
    }

    public static GatewaySettings defaults() {
        return load(Map.of());
    }

    public static GatewaySettings load(Map<String, String> env) {
        Settings settings = new Settings(env, Map.of());
        return new GatewaySettings(
                settings.get("", "MCPVER_GATEWAY_RATE", "100", raw -> raw.intIn(1, 1_000_000)),
                settings.get("", "MCPVER_GATEWAY_BURST", "200", raw -> raw.intIn(1, 1_000_000)),
                settings.get("", "MCPVER_GATEWAY_MAX_IN_FLIGHT", "512", raw -> raw.intIn(1, 100_000)),
                Duration.ofMillis(
                        settings.get("", "MCPVER_GATEWAY_TIMEOUT_MS", "60000", raw -> raw.intIn(1, 3_600_000))),
                settings.get("", "MCPVER_GATEWAY_MOVE_EXISTING", "true", GatewaySettings::bool),
                settings.get("", "MCPVER_GATEWAY_UPSTREAMS", "1", raw -> raw.intIn(1, 16)),
                settings.get("", "MCPVER_GATEWAY_METRIC_LATENCY", "response_time", Settings.Raw::value),
                settings.get("", "MCPVER_GATEWAY_METRIC_ERROR", "error", Settings.Raw::value),
                settings.get("", "MCPVER_GATEWAY_METRIC_SUCCESS", "success", Settings.Raw::value),
                Duration.ofMillis(settings.get("", "MCPVER_GATEWAY_HEALTH_MS", "5000", raw -> raw.intIn(100, 600_000))),
                settings.get("", "MCPVER_GATEWAY_CANARY_STEPS", "5,25,50", GatewaySettings::steps));
    }

    /** A copy with other limits (tests, the load script). */
    public GatewaySettings withLimits(int rate, int newBurst, int inFlight) {
        return new GatewaySettings(
                rate,
                newBurst,
                inFlight,
                requestTimeout,
                moveExistingSessions,
                upstreamsPerVersion,
                latencyMetric,
                errorMetric,
                successMetric,
                healthInterval,
                canarySteps);
    }

    /** A copy with another health-check interval and request timeout (tests). */
    public GatewaySettings withTimings(Duration health, Duration timeout) {
        return new GatewaySettings(
                ratePerSecond,
                burst,
                maxInFlight,
                timeout,
                moveExistingSessions,
                upstreamsPerVersion,
                latencyMetric,
                errorMetric,
                successMetric,
                health,
                canarySteps);
    }

    private static boolean bool(Settings.Raw raw) {
        return switch (raw.value().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw raw.invalid("expected true or false");
        };
    }

    private static List<Integer> steps(Settings.Raw raw) {
        List<Integer> steps = new java.util.ArrayList<>();
        try {
            for (String part : raw.value().split(",")) {
                steps.add(Integer.parseInt(part.trim()));
            }
        } catch (NumberFormatException e) {
            throw raw.invalid("expected rising percentages such as 5,25,50");
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) < 1 || steps.get(i) > 99 || (i > 0 && steps.get(i) <= steps.get(i - 1))) {
                throw raw.invalid("expected rising percentages from 1 to 99 such as 5,25,50");
            }
        }
        return steps;
    }
}
