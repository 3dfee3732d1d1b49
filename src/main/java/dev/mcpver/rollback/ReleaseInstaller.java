package dev.mcpver.rollback;

/** Port: installs an artifact into a fresh release directory (staged, then renamed into place). */
public interface ReleaseInstaller {
    /**
     * Fetches, checks (digest; signature when present, required when {@code signatureRequired}) and unpacks an
     * artifact into {@code releases/<releaseDir>}, which must not exist yet.
     *
     * @throws InstallException when the artifact is refused or cannot be installed (nothing is left behind)
     */
    InstalledRelease install(
            DeploymentId id, String version, String releaseDir, ArtifactRef artifact, boolean signatureRequired);
}
