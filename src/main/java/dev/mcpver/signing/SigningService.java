package dev.mcpver.signing;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.auth.Actor;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerVersion;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Registers public keys, attaches signatures (verified before they are stored) and checks a version's signatures
 * against its manifest as it stands now. Never sees a private key. Thread-safe.
 */
public final class SigningService {
    private final SigningStore store;
    private final RegistryService registry;
    private final Clock clock;

    public SigningService(SigningStore store, RegistryService registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Registers a public key under an id; empty when the id is taken.
     *
     * @throws IllegalArgumentException when the id or the key is malformed
     */
    public Optional<SigningKey> registerKey(String id, String publicKeyPem, Actor actor) {
        PublicKey parsed = Ed25519.parsePublic(publicKeyPem);
        SigningKey key = new SigningKey(
                SigningKey.requireValidId(id),
                Ed25519.publicPem(parsed),
                Ed25519.fingerprint(parsed),
                clock.instant(),
                actor.subject(),
                null,
                null);
        boolean stored = store.insertKey(key, AuditEvent.of(actor, "key.register", "signing-key", id, null, key));
        return stored ? Optional.of(key) : Optional.empty();
    }

    public List<SigningKey> keys() {
        return store.keys();
    }

    public Optional<SigningKey> key(String id) {
        return store.findKey(id);
    }

    /** Revokes a key: its signatures stop counting. Empty when it does not exist or was revoked already. */
    public Optional<SigningKey> revokeKey(String id, Actor actor) {
        Optional<SigningKey> before = store.findKey(id).filter(SigningKey::active);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        SigningKey k = before.get();
        Instant now = clock.instant();
        SigningKey after = new SigningKey(
                k.id(), k.publicKey(), k.fingerprint(), k.createdAt(), k.createdBy(), now, actor.subject());
        AuditEvent event = AuditEvent.of(actor, "key.revoke", "signing-key", id, k, after);
        return store.revokeKey(id, now, actor.subject(), event) ? Optional.of(after) : Optional.empty();
    }

    /** The manifest a signer must sign for this version. */
    public Optional<ReleaseManifest> manifest(String versionId) {
        return registry.version(versionId).flatMap(this::manifest);
    }

    /** Verifies a signature against the version's manifest and stores it only if it verifies. */
    public SignatureAttachment attach(String versionId, String keyId, String signature, Actor actor) {
        Optional<ServerVersion> version = registry.version(versionId);
        if (version.isEmpty()) {
            return new SignatureAttachment.VersionNotFound(versionId);
        }
        Optional<SigningKey> key = store.findKey(keyId);
        if (key.isEmpty()) {
            return new SignatureAttachment.KeyNotFound(keyId);
        }
        if (!key.get().active()) {
            return new SignatureAttachment.KeyRevoked(keyId);
        }
        ReleaseManifest manifest = manifest(version.get()).orElseThrow();
        if (!Ed25519.verify(Ed25519.parsePublic(key.get().publicKey()), manifest.bytes(), signature)) {
            return new SignatureAttachment.Invalid(keyId, manifest.sha256());
        }
        VersionSignature stored = new VersionSignature(
                UlidCreator.getMonotonicUlid().toString(),
                versionId,
                keyId,
                signature.strip(),
                manifest.sha256(),
                clock.instant(),
                actor.subject());
        store.insertSignature(stored, AuditEvent.of(actor, "version.sign", "version", versionId, null, stored));
        return new SignatureAttachment.Attached(stored);
    }

    /** Every signature of the version, checked against its current manifest; empty when the version does not exist. */
    public Optional<SignatureCheck> verify(String versionId) {
        return registry.version(versionId).map(this::verify);
    }

    SignatureCheck verify(ServerVersion version) {
        ReleaseManifest manifest = manifest(version).orElseThrow();
        Map<String, SigningKey> keys =
                store.keys().stream().collect(Collectors.toMap(SigningKey::id, Function.identity()));
        List<SignatureCheck.Status> statuses = store.signatures(version.id()).stream()
                .map(signature -> status(signature, keys.get(signature.keyId()), manifest))
                .toList();
        return new SignatureCheck(
                version.id(), manifest.sha256(), statuses.stream().anyMatch(SignatureCheck.Status::valid), statuses);
    }

    private static SignatureCheck.Status status(
            VersionSignature signature, @org.jspecify.annotations.Nullable SigningKey key, ReleaseManifest manifest) {
        String reason;
        if (key == null) {
            reason = "key " + signature.keyId() + " is not registered";
        } else if (!key.active()) {
            reason = "key " + signature.keyId() + " was revoked";
        } else if (!Ed25519.verify(Ed25519.parsePublic(key.publicKey()), manifest.bytes(), signature.signature())) {
            reason = signature.manifestSha256().equals(manifest.sha256())
                    ? "the signature does not verify"
                    : "the version changed after signing: a signed field no longer matches";
        } else {
            reason = "ok";
        }
        return new SignatureCheck.Status(signature.keyId(), reason.equals("ok"), reason, signature.manifestSha256());
    }

    private Optional<ReleaseManifest> manifest(ServerVersion version) {
        Optional<Server> server = registry.server(version.serverId());
        return server.map(s -> ReleaseManifest.of(s, version));
    }
}
