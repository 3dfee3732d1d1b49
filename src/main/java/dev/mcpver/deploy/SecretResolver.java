package dev.mcpver.deploy;

import dev.mcpver.rollback.ConfigEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves configuration into the environment of a server process at start: plain values as they are, secrets from
 * their reference ({@code env:NAME} from mcpver's own environment, {@code file:/path} from a file). Resolved values
 * exist only in the child's environment; they are never logged or stored. Thread-safe.
 */
public final class SecretResolver {
    private final Map<String, String> environment;

    /** @param environment mcpver's own environment (what {@code env:} references read) */
    public SecretResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The variables for a process; a secret that cannot be resolved fails with its reference (never a value). */
    public Map<String, String> resolve(List<ConfigEntry> config) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (ConfigEntry entry : config) {
            resolved.put(entry.name(), entry.holdsSecret() ? secret(entry) : Objects.requireNonNull(entry.value()));
        }
        return resolved;
    }

    /** Whether a secret reference can be resolved right now. */
    public boolean resolvable(String reference) {
        return lookup(reference).isPresent();
    }

    private String secret(ConfigEntry entry) {
        String reference = Objects.requireNonNull(entry.secretRef());
        return lookup(reference)
                .orElseThrow(() -> new IllegalStateException(
                        "config " + entry.name() + ": secret " + reference + " cannot be resolved"));
    }

    private Optional<String> lookup(String reference) {
        if (reference.startsWith("env:")) {
            return Optional.ofNullable(environment.get(reference.substring(4)));
        }
        Path file = Path.of(reference.substring("file:".length()));
        try {
            return Files.isReadable(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A variable of mcpver's own environment (for the host checks). */
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name));
    }
}
