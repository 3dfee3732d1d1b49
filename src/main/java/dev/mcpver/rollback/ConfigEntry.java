package dev.mcpver.rollback;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One configuration value of a deployment, passed to the server as an environment variable. A secret is stored
 * only as a reference ({@code env:NAME} — an environment variable of the mcpver process — or {@code file:/path})
 * and resolved when the process starts, so rollback points, plans, logs and the audit trail never hold its value.
 *
 * @param name the environment variable the server reads
 * @param value a plain, non-secret value; null for a secret
 * @param secretRef where the secret is read at start; null for a plain value
 */
public record ConfigEntry(
        String name, @Nullable String value, @Nullable String secretRef) {
    private static final Pattern REF = Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]*|file:/.+");

    public ConfigEntry {
        Names.envVar(name);
        if ((value == null) == (secretRef == null)) {
            throw new IllegalArgumentException(
                    "config " + name + ": give either a plain value or a secret reference, not both or neither");
        }
        if (secretRef != null && !REF.matcher(secretRef).matches()) {
            throw new IllegalArgumentException(
                    "config " + name + ": secret reference must be env:NAME or file:/absolute/path");
        }
        if (value != null && value.length() > 4096) {
            throw new IllegalArgumentException("config " + name + ": value longer than 4096 characters");
        }
    }

    public static ConfigEntry plain(String name, String value) {
        return new ConfigEntry(name, value, null);
    }

    public static ConfigEntry secret(String name, String reference) {
        return new ConfigEntry(name, null, reference);
    }

    public boolean holdsSecret() {
        return secretRef != null;
    }

    /** Safe to print: the value for plain entries, the reference for secrets. */
    public String display() {
        return holdsSecret() ? name + "=<secret " + secretRef + ">" : name + "=" + value;
    }

    public ConfigEntry renamed(String newName) {
        return new ConfigEntry(newName, value, secretRef);
    }
}
