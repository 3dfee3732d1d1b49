package dev.mcpver.http;

import dev.mcpver.auth.Authenticator;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is calling over HTTP. A before-handler resolves {@code Authorization: Bearer …} once per request; handlers
 * then call {@link #require} with the role their operation needs (401 without valid credentials, 403 with too
 * little power). Reads may be open to anonymous callers when {@code openReads} is set; writes never are.
 */
public final class Access {
    private static final String ATTRIBUTE = "mcpver.caller";

    private final Authenticator authenticator;
    private final boolean openReads;

    public Access(Authenticator authenticator, boolean openReads) {
        this.authenticator = authenticator;
        this.openReads = openReads;
    }

    /** Installed by {@link HttpServer} before every route. A malformed or unknown token is a 401 at once. */
    void resolve(Context ctx) {
        Optional<String> token = bearer(ctx.header("Authorization"));
        if (token.isEmpty()) {
            return;
        }
        Caller caller = authenticator
                .authenticate(token.get())
                .orElseThrow(() -> unauthorized("the bearer token is unknown, revoked or expired"));
        ctx.attribute(ATTRIBUTE, caller);
    }

    /** The authenticated caller, if the request carried a valid token. */
    public static Optional<Caller> caller(Context ctx) {
        return Optional.ofNullable(ctx.<Caller>attribute(ATTRIBUTE));
    }

    /** The caller when it holds {@code role}; otherwise a 401 or 403 problem is thrown. */
    public Caller require(Context ctx, Role role) {
        Optional<Caller> caller = caller(ctx);
        if (caller.isEmpty()) {
            if (role == Role.VIEWER && openReads) {
                return Caller.anonymous();
            }
            throw unauthorized(
                    "this operation needs the " + role.wireName() + " role: send Authorization: Bearer <token>");
        }
        if (!caller.get().may(role)) {
            throw Problem.of(
                            403,
                            "forbidden",
                            "Forbidden",
                            "this operation needs the " + role.wireName() + " role; "
                                    + caller.get().subject() + " has "
                                    + caller.get().role().wireName())
                    .toException();
        }
        return caller.get();
    }

    private static ProblemException unauthorized(String detail) {
        return Problem.of(401, "unauthorized", "Unauthorized", detail).toException();
    }

    static Optional<String> bearer(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String trimmed = header.strip();
        if (!trimmed.toLowerCase(Locale.ROOT).startsWith("bearer ")
                || trimmed.substring(7).isBlank()) {
            throw unauthorized("the Authorization header must be 'Bearer <token>'");
        }
        return Optional.of(trimmed.substring(7).strip());
    }
}
