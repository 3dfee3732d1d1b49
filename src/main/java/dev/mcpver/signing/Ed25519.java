package dev.mcpver.signing;

import dev.mcpver.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 with the JDK's provider (Java 15+): key generation, PEM encoding (PKCS#8 private, X.509
 * SubjectPublicKeyInfo public — the formats {@code openssl genpkey -algorithm ed25519} writes), signing and
 * verification. Signatures travel as base64. Stateless and thread-safe.
 */
public final class Ed25519 {
    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private Ed25519() {}

    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519 provider", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem(PRIVATE_LABEL, key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    /** Reads a PKCS#8 private key from PEM (or bare base64 DER). */
    public static PrivateKey parsePrivate(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(text, PRIVATE_LABEL)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 PEM");
        }
    }

    /** Reads an X.509 public key from PEM (or bare base64 DER). */
    public static PublicKey parsePublic(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(text, PUBLIC_LABEL)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "publicKey: not an Ed25519 public key in PEM (-----BEGIN PUBLIC KEY-----)");
        }
    }

    /** SHA-256 of the public key's DER encoding: a short, stable name for it. */
    public static String fingerprint(PublicKey key) {
        return CanonicalJson.sha256Hex(key.getEncoded());
    }

    /** The base64 Ed25519 signature of {@code message}. */
    public static String sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** True when {@code signature} (base64) is a valid signature of {@code message} by {@code key}. */
    public static boolean verify(PublicKey key, byte[] message, String signature) {
        try {
            byte[] raw = Base64.getDecoder().decode(signature.strip());
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(raw);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // malformed base64 or signature bytes: not a valid signature
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String text, String label) {
        String body = text.replace("-----BEGIN " + label + "-----", "")
                .replace("-----END " + label + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
