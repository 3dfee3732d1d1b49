package dev.mcpver.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Role;
import dev.mcpver.signing.Ed25519;
import dev.mcpver.signing.ReleaseManifest;
import dev.mcpver.signing.SignatureAttachment;
import dev.mcpver.signing.SigningKey;
import dev.mcpver.signing.SigningService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;

/**
 * Release signing: public keys ({@code /api/v1/keys}, admin to change), a version's manifest to sign, signatures
 * (verified before they are stored) and their verification. Private keys never come here.
 */
public final class SigningRoutes implements RouteGroup {
    private final SigningService signing;
    private final Access access;

    public SigningRoutes(SigningService signing, Access access) {
        this.signing = signing;
        this.access = access;
    }

    /** Body of {@code POST /api/v1/keys}. */
    record KeyRequest(
            @JsonProperty("id") String id,
            @JsonProperty("publicKey") String publicKey) {
        KeyRequest {
            SigningKey.requireValidId(id);
            Objects.requireNonNull(publicKey, "publicKey is required (PEM, -----BEGIN PUBLIC KEY-----)");
            var unused = Ed25519.parsePublic(publicKey); // a malformed key is the client's mistake: 400 here
        }
    }

    /** Body of {@code POST /api/v1/versions/{id}/signatures}. */
    record SignatureRequest(
            @JsonProperty("keyId") String keyId,
            @JsonProperty("signature") String signature) {
        SignatureRequest {
            SigningKey.requireValidId(keyId);
            if (signature == null || signature.isBlank()) {
                throw new IllegalArgumentException("signature is required (base64 Ed25519 signature of the manifest)");
            }
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/keys", this::registerKey);
        routes.get("/api/v1/keys", this::keys);
        routes.get("/api/v1/keys/{id}", this::key);
        routes.delete("/api/v1/keys/{id}", this::revokeKey);
        routes.get("/api/v1/versions/{versionId}/manifest", this::manifest);
        routes.post("/api/v1/versions/{versionId}/signatures", this::attach);
        routes.get("/api/v1/versions/{versionId}/signatures", this::verify);
        routes.get("/api/v1/versions/{versionId}/signatures/verify", this::verify);
    }

    private void registerKey(Context ctx) {
        Actor actor = new Actor(access.require(ctx, Role.ADMIN), RequestIds.of(ctx));
        KeyRequest request = Requests.body(ctx, KeyRequest.class);
        SigningKey key = signing.registerKey(request.id(), request.publicKey(), actor)
                .orElseThrow(() -> Problem.of(
                                409,
                                "key-exists",
                                "Conflict",
                                "a key with id " + request.id() + " is registered already")
                        .toException());
        ctx.status(201).json(key);
    }

    private void keys(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ctx.json(Map.of("items", signing.keys()));
    }

    private void key(Context ctx) {
        access.require(ctx, Role.VIEWER);
        String id = ctx.pathParam("id");
        ctx.json(signing.key(id).orElseThrow(() -> RegistryRoutes.notFound("no key with id " + id)));
    }

    private void revokeKey(Context ctx) {
        Actor actor = new Actor(access.require(ctx, Role.ADMIN), RequestIds.of(ctx));
        String id = ctx.pathParam("id");
        ctx.json(
                signing.revokeKey(id, actor).orElseThrow(() -> RegistryRoutes.notFound("no active key with id " + id)));
    }

    private void manifest(Context ctx) {
        access.require(ctx, Role.VIEWER);
        String id = ctx.pathParam("versionId");
        ReleaseManifest manifest =
                signing.manifest(id).orElseThrow(() -> RegistryRoutes.notFound("no version with id " + id));
        ctx.json(Map.of("manifest", manifest.json(), "canonical", manifest.canonical(), "sha256", manifest.sha256()));
    }

    private void attach(Context ctx) {
        Actor actor = new Actor(access.require(ctx, Role.OPERATOR), RequestIds.of(ctx));
        SignatureRequest request = Requests.body(ctx, SignatureRequest.class);
        String id = ctx.pathParam("versionId");
        SignatureAttachment outcome = signing.attach(id, request.keyId(), request.signature(), actor);
        if (outcome instanceof SignatureAttachment.Attached attached) {
            ctx.status(201).json(attached.signature());
        } else if (outcome instanceof SignatureAttachment.Invalid invalid) {
            throw Problem.of(
                            422,
                            "invalid-signature",
                            "Unprocessable Content",
                            "the signature does not verify with"
                                    + " key " + invalid.keyId() + " against the manifest of version " + id
                                    + " (sha256 " + invalid.manifestSha256()
                                    + "): sign GET …/manifest's 'canonical' bytes")
                    .with("manifestSha256", invalid.manifestSha256())
                    .toException();
        } else if (outcome instanceof SignatureAttachment.KeyRevoked revoked) {
            throw Problem.of(409, "key-revoked", "Conflict", "key " + revoked.keyId() + " was revoked")
                    .toException();
        } else if (outcome instanceof SignatureAttachment.KeyNotFound missing) {
            throw RegistryRoutes.notFound("no key with id " + missing.keyId() + " (register it: POST /api/v1/keys)");
        } else {
            throw RegistryRoutes.notFound("no version with id " + id);
        }
    }

    private void verify(Context ctx) {
        access.require(ctx, Role.VIEWER);
        String id = ctx.pathParam("versionId");
        ctx.json(signing.verify(id).orElseThrow(() -> RegistryRoutes.notFound("no version with id " + id)));
    }
}
