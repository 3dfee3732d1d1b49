package dev.mcpver.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.tokens.ApiToken;
import dev.mcpver.tokens.IssuedToken;
import dev.mcpver.tokens.TokenRevocation;
import dev.mcpver.tokens.TokenService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/v1/tokens} (admin only) and {@code /api/v1/auth/whoami}. A created token's secret is in the
 * creation response only, marked {@code Cache-Control: no-store}.
 */
public final class TokenRoutes implements RouteGroup {
    private final TokenService tokens;
    private final Access access;

    public TokenRoutes(TokenService tokens, Access access) {
        this.tokens = tokens;
        this.access = access;
    }

    /** Body of {@code POST /api/v1/tokens}. */
    record CreateRequest(
            @JsonProperty("name") String name,
            @JsonProperty("role") String role) {
        CreateRequest {
            Objects.requireNonNull(name, "name is required");
            Objects.requireNonNull(role, "role is required (viewer, operator or admin)");
            ApiToken.requireValidName(name);
            parse(role);
        }

        static Role parse(String role) {
            return Role.fromWire(role)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "role: expected viewer, operator or admin, got \"" + role + "\""));
        }
    }

    /** A token as every answer shows it: never the secret, never its hash. */
    record TokenView(
            String id,
            String name,
            Role role,
            String hint,
            Instant createdAt,
            String createdBy,
            @Nullable Instant revokedAt,
            @Nullable String revokedBy,
            boolean active) {
        static TokenView of(ApiToken token) {
            return new TokenView(
                    token.id(),
                    token.name(),
                    token.role(),
                    token.hint(),
                    token.createdAt(),
                    token.createdBy(),
                    token.revokedAt(),
                    token.revokedBy(),
                    token.active());
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/tokens", this::create);
        routes.get("/api/v1/tokens", this::list);
        routes.get("/api/v1/tokens/{id}", this::get);
        routes.delete("/api/v1/tokens/{id}", this::revoke);
        routes.get("/api/v1/auth/whoami", this::whoami);
    }

    private void create(Context ctx) {
        Actor actor = new Actor(access.require(ctx, Role.ADMIN), RequestIds.of(ctx));
        CreateRequest request = Requests.body(ctx, CreateRequest.class);
        IssuedToken issued = tokens.create(request.name(), CreateRequest.parse(request.role()), actor);
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(Map.of("token", TokenView.of(issued.token()), "secret", issued.secret()));
    }

    private void list(Context ctx) {
        access.require(ctx, Role.ADMIN);
        List<TokenView> items = tokens.list().stream().map(TokenView::of).toList();
        ctx.json(Map.of("items", items));
    }

    private void get(Context ctx) {
        access.require(ctx, Role.ADMIN);
        String id = ctx.pathParam("id");
        ApiToken token = tokens.find(id).orElseThrow(() -> notFound(id));
        ctx.json(TokenView.of(token));
    }

    private void revoke(Context ctx) {
        Actor actor = new Actor(access.require(ctx, Role.ADMIN), RequestIds.of(ctx));
        TokenRevocation outcome = tokens.revoke(ctx.pathParam("id"), actor);
        if (outcome instanceof TokenRevocation.Revoked revoked) {
            ctx.json(Map.of("token", TokenView.of(revoked.token()), "changed", true));
        } else if (outcome instanceof TokenRevocation.AlreadyRevoked already) {
            ctx.json(Map.of("token", TokenView.of(already.token()), "changed", false));
        } else if (outcome instanceof TokenRevocation.LastAdmin last) {
            throw Problem.of(
                            409,
                            "last-admin-token",
                            "Conflict",
                            "token " + last.token().id() + " is the last active admin token; create another admin"
                                    + " token first, or use 'mcpver tokens' on the server")
                    .toException();
        } else {
            throw notFound(ctx.pathParam("id"));
        }
    }

    private void whoami(Context ctx) {
        Caller caller = access.require(ctx, Role.VIEWER);
        ctx.json(Map.of("subject", caller.subject(), "role", caller.role()));
    }

    private static ProblemException notFound(String id) {
        return Problem.of(404, "not-found", "Not Found", "no token with id " + id)
                .toException();
    }
}
