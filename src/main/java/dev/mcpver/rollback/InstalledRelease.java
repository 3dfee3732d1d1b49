package dev.mcpver.rollback;

import java.time.Instant;

/**
 * A release installed under {@code releases/<releaseDir>}.
 *
 * @param deployment where
 * @param releaseDir its directory name
 * @param version the version it holds
 * @param manifestHash {@link Manifest#hash()} of the installed tree
 * @param artifact where it came from
 * @param artifactSha256 the digest actually measured (archive file, npm tarball or directory tree)
 * @param signature what the signature check said
 * @param installedAt when
 */
public record InstalledRelease(
        DeploymentId deployment,
        String releaseDir,
        String version,
        String manifestHash,
        ArtifactRef artifact,
        String artifactSha256,
        SignatureCheck signature,
        Instant installedAt) {}
