package dev.mcpver.gateway;

import dev.mcpver.auth.Authenticator;
import dev.mcpver.auth.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The gateway's view of bearer tokens: a token the store accepted is trusted again without a database read for
 * {@code window} (default 1 s), so a stream of tool calls does not pay a token lookup each. Revocation therefore
 * reaches the gateway within that window rather than at the next request (ADR 0082). Refusals are never cached. Only
 * SHA-256 digests of tokens are kept. Thread-safe.
 */
public final class RevalidatingAuthenticator implements Authenticator {
    private record Accepted(Caller caller, long at) {}

    private static final int MAX_ENTRIES = 10_000;

    private final Authenticator store;
    private final long windowNanos;
    private final LongSupplier nanos;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    public RevalidatingAuthenticator(Authenticator store, Duration window, LongSupplier nanos) {
        this.store = store;
        this.windowNanos = window.toNanos();
        this.nanos = nanos;
    }

    @Override
    public Optional<Caller> authenticate(String bearerToken) {
        String key = digest(bearerToken);
        long now = nanos.getAsLong();
        Accepted known = accepted.get(key);
        if (known != null && now - known.at() < windowNanos) {
            return Optional.of(known.caller());
        }
        Optional<Caller> caller = store.authenticate(bearerToken);
        if (caller.isPresent()) {
            if (accepted.size() >= MAX_ENTRIES) {
                accepted.clear();
            }
            accepted.put(key, new Accepted(caller.get(), now));
        } else {
            accepted.remove(key);
        }
        return caller;
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    });

    private static String digest(String token) {
        return HexFormat.of().formatHex(SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
