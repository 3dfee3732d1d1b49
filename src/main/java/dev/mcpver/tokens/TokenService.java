package dev.mcpver.tokens;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, lists and revokes API tokens. Callers check that the actor is an admin (HTTP routes, CLI); this service
 * records who did what. Thread-safe.
 *
 * <pre>{@code
 * IssuedToken issued = tokens.create("ci", Role.OPERATOR, actor);
 * send(issued.secret());   // the only time the secret exists in mcpver
 * }</pre>
 */
public final class TokenService {
    /** Subject of changes mcpver makes by itself (the bootstrap token). */
    public static final String SYSTEM = "system";

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
    static final String BOOTSTRAP_NAME = "bootstrap-admin";

    private final TokenStore store;
    private final Clock clock;
    private final SecureRandom random;

    public TokenService(TokenStore store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    /** A new token with a fresh random secret. */
    public IssuedToken create(String name, Role role, Actor actor) {
        String secret = TokenHash.newSecret(random);
        ApiToken token = newToken(name, role, secret, actor.subject());
        store.insert(
                token, TokenHash.of(secret), AuditEvent.of(actor, "token.create", "token", token.id(), null, token));
        LOG.atInfo()
                .addKeyValue("operation", "TOKEN_CREATE")
                .addKeyValue("tokenId", token.id())
                .addKeyValue("role", role.wireName())
                .log("token {} created for {}", token.id(), name);
        return new IssuedToken(token, secret);
    }

    public List<ApiToken> list() {
        return store.list();
    }

    public Optional<ApiToken> find(String id) {
        return store.find(id);
    }

    public TokenRevocation revoke(String id, Actor actor) {
        TokenRevocation outcome = store.revoke(
                id,
                clock.instant(),
                actor.subject(),
                (before, after) -> AuditEvent.of(actor, "token.revoke", "token", id, before, after));
        if (outcome instanceof TokenRevocation.Revoked revoked) {
            LOG.atInfo()
                    .addKeyValue("operation", "TOKEN_REVOKE")
                    .addKeyValue("tokenId", revoked.token().id())
                    .log("token {} revoked", revoked.token().id());
        }
        return outcome;
    }

    /**
     * On the first start of an installation, creates the first admin token: {@code supplied} when given (from
     * {@code MCPVER_BOOTSTRAP_TOKEN}), else a random one. Empty when the installation was bootstrapped before or
     * already has an active admin token. The caller shows a generated secret to the operator once; it is never
     * logged.
     */
    public Optional<IssuedToken> bootstrap(@Nullable String supplied, String requestId) {
        String secret = supplied != null ? supplied : TokenHash.newSecret(random);
        ApiToken token = newToken(BOOTSTRAP_NAME, Role.ADMIN, secret, SYSTEM);
        Actor system = new Actor(new Caller(SYSTEM, Role.ADMIN), requestId);
        boolean created = store.insertFirstAdmin(
                token,
                TokenHash.of(secret),
                stored -> AuditEvent.of(system, "token.bootstrap", "token", stored.id(), null, stored));
        if (!created) {
            return Optional.empty();
        }
        LOG.atInfo()
                .addKeyValue("operation", "TOKEN_BOOTSTRAP")
                .addKeyValue("tokenId", token.id())
                .addKeyValue("source", supplied != null ? "MCPVER_BOOTSTRAP_TOKEN" : "generated")
                .log("first admin token {} created", token.id());
        return Optional.of(new IssuedToken(token, secret));
    }

    private ApiToken newToken(String name, Role role, String secret, String createdBy) {
        Instant now = clock.instant();
        return new ApiToken(
                UlidCreator.getMonotonicUlid().toString(),
                ApiToken.requireValidName(name),
                role,
                TokenHash.hint(secret),
                now,
                createdBy,
                null,
                null);
    }
}
