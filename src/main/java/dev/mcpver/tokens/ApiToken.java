package dev.mcpver.tokens;

import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An API token as stored: everything except the secret, which only its SHA-256 represents (see {@link TokenHash}).
 *
 * @param id stable identifier (ULID); the audit trail names callers by {@code token:<id>}
 * @param name what the token is for ({@code ci-deploy}, {@code alice-laptop})
 * @param role what its bearer may do
 * @param hint the first characters of the secret, to recognise a token without storing it
 * @param createdAt when it was created
 * @param createdBy the subject that created it
 * @param revokedAt when it was revoked; null while active
 * @param revokedBy who revoked it; null while active
 */
public record ApiToken(
        String id,
        String name,
        Role role,
        String hint,
        Instant createdAt,
        String createdBy,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.:@-]{0,63}");

    public ApiToken {
        requireValidName(name);
        if ((revokedAt == null) != (revokedBy == null)) {
            throw new IllegalArgumentException("revokedAt and revokedBy are set together");
        }
    }

    /** Token names: 1–64 characters, letters, digits, space and {@code _.:@-}, starting with a letter or digit. */
    public static String requireValidName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name: expected 1-64 characters of letters, digits, space or _.:@- starting with a letter or digit");
        }
        return name;
    }

    public boolean active() {
        return revokedAt == null;
    }

    /** The caller a request bearing this token acts as. */
    public Caller caller() {
        return new Caller("token:" + id, role);
    }

    public ApiToken revoked(Instant at, String by) {
        return new ApiToken(id, name, role, hint, createdAt, createdBy, at, by);
    }
}
