package dev.mcpver.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Roles in increasing order of power; a role includes every role before it. */
public enum Role {
    /** Reads everything that is not a secret. */
    VIEWER,
    /** Also changes state: registers versions, starts processes, runs migrations and rollbacks. */
    OPERATOR,
    /** Also manages tokens, keys and policies. */
    ADMIN;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    /** The lower-case name used on every wire (JSON, CLI, database). */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String text) {
        for (Role role : values()) {
            if (role.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
