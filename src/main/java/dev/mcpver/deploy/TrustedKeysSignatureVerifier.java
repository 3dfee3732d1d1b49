package dev.mcpver.deploy;

import dev.mcpver.rollback.ArtifactSignature;
import dev.mcpver.rollback.SignatureCheck;
import dev.mcpver.rollback.SignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Ed25519 signatures checked against public keys in {@code MCPVER_HOME/trusted-keys/<keyId>.pub} (base64 of the
 * X.509 SubjectPublicKeyInfo, as {@code PublicKey.getEncoded()} gives it). A stand-in until the registry feature's
 * key management lands; the signed text is {@link ArtifactSignature#signedText}. Thread-safe (reads keys per call).
 */
public final class TrustedKeysSignatureVerifier implements SignatureVerifier {
    private final Path keys;

    public TrustedKeysSignatureVerifier(HomeLayout layout) {
        this.keys = layout.home().resolve("trusted-keys");
    }

    @Override
    public SignatureCheck verify(String sha256, ArtifactSignature signature) {
        Optional<PublicKey> key = key(signature.keyId());
        if (key.isEmpty()) {
            return new SignatureCheck(
                    SignatureCheck.Status.UNTRUSTED_KEY, "key " + signature.keyId() + " is not in " + keys);
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key.get());
            ed25519.update(ArtifactSignature.signedText(sha256).getBytes(StandardCharsets.UTF_8));
            boolean valid = ed25519.verify(Base64.getDecoder().decode(signature.value()));
            return valid
                    ? new SignatureCheck(SignatureCheck.Status.VERIFIED, "signed by " + signature.keyId())
                    : new SignatureCheck(SignatureCheck.Status.INVALID, "signature does not match sha256:" + sha256);
        } catch (GeneralSecurityException e) {
            return new SignatureCheck(SignatureCheck.Status.INVALID, "signature cannot be checked: " + e.getMessage());
        }
    }

    private Optional<PublicKey> key(String keyId) {
        Path file = keys.resolve(keyId + ".pub");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] encoded = Base64.getMimeDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return Optional.of(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
