package dev.mcpver;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Looks up raw settings with their provenance: a command-line flag wins over an environment variable, which wins
 * over the default. Errors name the source the bad value came from, so the operator knows what to fix.
 */
final class Settings {
    private final Map<String, String> env;
    private final Map<String, String> flags;

    Settings(Map<String, String> env, Map<String, String> flags) {
        this.env = Map.copyOf(env);
        this.flags = Map.copyOf(flags);
    }

    /** A raw value and where it came from ({@code --port}, {@code MCPVER_PORT} or {@code default}). */
    record Raw(String value, String origin) {
        ConfigException invalid(String reason) {
            return new ConfigException("invalid configuration: " + origin + "=\"" + value + "\": " + reason);
        }

        /** The value as a whole number within {@code [min, max]}, or the one-line error naming the setting. */
        int intIn(int min, int max) {
            try {
                int number = Integer.parseInt(value.trim());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw invalid("expected a whole number from " + min + " to " + max);
        }
    }

    Optional<Raw> lookup(String flag, String envName) {
        String fromFlag = flags.get(flag);
        if (fromFlag != null) {
            return Optional.of(new Raw(fromFlag, "--" + flag));
        }
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(new Raw(fromEnv, envName));
        }
        return Optional.empty();
    }

    Raw get(String flag, String envName, String defaultValue) {
        return lookup(flag, envName).orElseGet(() -> new Raw(defaultValue, envName + " (default)"));
    }

    /** Reads and converts a value; the converter throws {@link ConfigException} via {@link Raw#invalid}. */
    <T> T get(String flag, String envName, String defaultValue, Function<Raw, T> converter) {
        return converter.apply(get(flag, envName, defaultValue));
    }

    Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
