package dev.mcpver.registry;

import dev.mcpver.lifecycle.GateResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The artifact's bytes still hash to the registered SHA-256. Local files (path, archive) are hashed again; a
 * package spec cannot be fetched offline, so it warns (the signed manifest still binds its recorded hash).
 */
public final class ChecksumGate implements PromotionGate {
    public static final String NAME = "checksum";

    private final Path home;
    private final int weight;

    /** @param home where relative artifact paths are resolved (mcpver's home directory) */
    public ChecksumGate(Path home, int weight) {
        this.home = home;
        this.weight = weight;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int weight() {
        return weight;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        Artifact artifact = context.version().artifact();
        Map<String, Object> expected = Map.of("expected", artifact.sha256(), "location", artifact.location());
        if (!artifact.local()) {
            return GateResult.warn(
                    NAME,
                    weight,
                    "the artifact is a package spec; mcpver does not fetch it, so its SHA-256 was not recomputed",
                    expected);
        }
        Path file = home.resolve(artifact.location()).normalize();
        if (!Files.isRegularFile(file)) {
            return GateResult.fail(NAME, weight, "the artifact file " + file + " does not exist", expected);
        }
        String actual = sha256(file);
        Map<String, Object> evidence = Map.of("expected", artifact.sha256(), "actual", actual, "file", file.toString());
        return actual.equals(artifact.sha256())
                ? GateResult.pass(NAME, weight, "the artifact's SHA-256 matches", evidence)
                : GateResult.fail(
                        NAME,
                        weight,
                        "the artifact's SHA-256 is " + actual + ", registered " + artifact.sha256()
                                + ": the file changed since registration",
                        evidence);
    }

    /** Lower-case hex SHA-256 of a file, streamed. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
