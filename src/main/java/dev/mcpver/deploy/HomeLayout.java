package dev.mcpver.deploy;

import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.Names;
import java.nio.file.Path;

/**
 * Where things live under {@code MCPVER_HOME}:
 *
 * <pre>
 * deployments/&lt;server&gt;/&lt;env&gt;/releases/&lt;version&gt;/   installed and restored releases
 * deployments/&lt;server&gt;/&lt;env&gt;/current                 symlink to the active release (releases/&lt;dir&gt;)
 * deployments/&lt;server&gt;/&lt;env&gt;/staging/                installs and restores in progress (same file system, so
 *                                                     finishing is one rename)
 * rollback/blobs/ab/cdef…                               blob store, one file per SHA-256
 * rollback/blobs.lock                                   add/collect lock shared with other mcpver processes
 * </pre>
 */
public final class HomeLayout {
    private final Path home;

    public HomeLayout(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public Path home() {
        return home;
    }

    public Path deployment(DeploymentId id) {
        return home.resolve("deployments").resolve(id.server()).resolve(id.environment());
    }

    public Path releases(DeploymentId id) {
        return deployment(id).resolve("releases");
    }

    public Path release(DeploymentId id, String releaseDir) {
        return releases(id).resolve(Names.releaseDir(releaseDir));
    }

    public Path current(DeploymentId id) {
        return deployment(id).resolve("current");
    }

    public Path staging(DeploymentId id) {
        return deployment(id).resolve("staging");
    }

    public Path blobs() {
        return home.resolve("rollback").resolve("blobs");
    }

    public Path blobLock() {
        return home.resolve("rollback").resolve("blobs.lock");
    }
}
