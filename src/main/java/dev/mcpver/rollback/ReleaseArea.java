package dev.mcpver.rollback;

import java.util.List;
import java.util.Optional;

/**
 * Port: the release directories of deployments ({@code deployments/<server>/<env>/releases/<dir>/}) and their
 * {@code current} link. The filesystem adapter lives in {@code deploy}.
 */
public interface ReleaseArea {
    /** Hashes every entry of a release and stores its content as blobs (deduplicated); the release is not changed. */
    Manifest capture(DeploymentId id, String releaseDir);

    /**
     * Creates {@code releases/<releaseDir>} (which must not exist) from the blobs of a manifest, hashing every byte
     * as it is written. Returns the files whose blobs are missing or do not hash to their digest; when there are
     * any, nothing is left behind.
     */
    List<FileProblem> materialize(DeploymentId id, String releaseDir, Manifest manifest);

    boolean exists(DeploymentId id, String releaseDir);

    /** Deletes a release directory (no-op when absent). */
    void remove(DeploymentId id, String releaseDir);

    /** Release directory names of a deployment, oldest first. */
    List<String> releaseDirs(DeploymentId id);

    /** Atomically points {@code current} at a release (write a new link, then rename it over the old one). */
    void linkCurrent(DeploymentId id, String releaseDir);

    /** Where {@code current} points, if it exists. */
    Optional<String> currentLink(DeploymentId id);

    /** The absolute path of a release directory, for launch specs ({@code ${release}}). */
    String absolutePath(DeploymentId id, String releaseDir);
}
