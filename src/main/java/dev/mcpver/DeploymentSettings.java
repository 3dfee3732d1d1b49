package dev.mcpver;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of deployments, rollback points and migrations, from the environment (validated; a bad value stops
 * the process with one line naming the variable).
 *
 * @param maxPointsPerDeployment {@code MCPVER_ROLLBACK_MAX_POINTS}, default 10
 * @param maxPointAge {@code MCPVER_ROLLBACK_MAX_AGE} ({@code 30d}, {@code 12h}, {@code 90m}), default 30 days
 * @param fileThreads {@code MCPVER_FILE_THREADS}: files hashed or restored at once, default 4
 * @param npm {@code MCPVER_NPM}: the npm executable for npm artifacts, default {@code npm}
 * @param crashTestPauseMs {@code MCPVER_CRASH_TEST_PAUSE_MS}: crash tests only — pause around each migration step's
 *     effect so a test can {@code kill -9} inside it; default 0
 * @param crashTestPauseStep {@code MCPVER_CRASH_TEST_PAUSE_AT}: the only step index to pause at; default -1 (all)
 */
public record DeploymentSettings(
        int maxPointsPerDeployment,
        Duration maxPointAge,
        int fileThreads,
        String npm,
        long crashTestPauseMs,
        int crashTestPauseStep) {

    public static DeploymentSettings load(Map<String, String> env) {
        Settings settings = new Settings(env, Map.of());
        return new DeploymentSettings(
                settings.get("", "MCPVER_ROLLBACK_MAX_POINTS", "10", raw -> raw.intIn(1, 10_000)),
                settings.get("", "MCPVER_ROLLBACK_MAX_AGE", "30d", DeploymentSettings::duration),
                settings.get("", "MCPVER_FILE_THREADS", "4", raw -> raw.intIn(1, 64)),
                settings.get("", "MCPVER_NPM", "npm", Settings.Raw::value),
                settings.get("", "MCPVER_CRASH_TEST_PAUSE_MS", "0", raw -> raw.intIn(0, 60_000)),
                settings.get("", "MCPVER_CRASH_TEST_PAUSE_AT", "-1", raw -> raw.intIn(-1, 1_000)));
    }

    private static Duration duration(Settings.Raw raw) {
        String value = raw.value().trim().toLowerCase(Locale.ROOT);
        try {
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            Duration parsed =
                    switch (value.charAt(value.length() - 1)) {
                        case 'd' -> Duration.ofDays(amount);
                        case 'h' -> Duration.ofHours(amount);
                        case 'm' -> Duration.ofMinutes(amount);
                        default -> Duration.ZERO;
                    };
            if (!parsed.isNegative() && !parsed.isZero()) {
                return parsed;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
            // reported below
        }
        throw raw.invalid("expected a positive duration such as 30d, 12h or 90m");
    }
}
