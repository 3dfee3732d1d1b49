package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An environment variable a server reads, as in {@code server.json}'s {@code environmentVariables}. A secret has no
 * default and its value is never stored in the registry: it is supplied where the server runs.
 *
 * @param name the variable name ({@code [A-Za-z_][A-Za-z0-9_]*})
 * @param description what it configures
 * @param isRequired the server does not start without it
 * @param isSecret its value is a credential
 * @param defaultValue value used when unset (not for secrets)
 * @param choices allowed values, if restricted
 */
public record EnvironmentVariable(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("isRequired") boolean isRequired,
        @JsonProperty("isSecret") boolean isSecret,
        @JsonProperty("default") @Nullable String defaultValue,
        @JsonProperty("choices") List<String> choices) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public EnvironmentVariable {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "environmentVariables[].name: expected [A-Za-z_][A-Za-z0-9_]*, got \"" + name + "\"");
        }
        description = Checks.optionalText(description, "environmentVariables[" + name + "].description", 2000);
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (isSecret && defaultValue != null) {
            throw new IllegalArgumentException("environmentVariables[" + name
                    + "]: a secret has no default (its value never enters the registry)");
        }
        if (defaultValue != null && !choices.isEmpty() && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException("environmentVariables[" + name + "].default is not one of its choices");
        }
    }
}
