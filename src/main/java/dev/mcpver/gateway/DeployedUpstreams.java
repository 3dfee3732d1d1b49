package dev.mcpver.gateway;

import dev.mcpver.deploy.ProcessSupervisor;
import dev.mcpver.deploy.UpstreamProcess;
import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.Names;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Upstreams from the deployment's records: the release directory of the version (the active one, or
 * {@code releases/<version>}, e.g. a canary's target), the deployment's launch spec and its configuration with
 * secrets resolved by the {@link ProcessSupervisor}. A version that is not installed yet but registered as a target
 * of the server (by an admin) is installed on first use, so an experiment between the active version and any
 * registered one needs no manual install.
 */
public final class DeployedUpstreams implements UpstreamLauncher {
    private static final Initiator INSTALLER = new Initiator("gateway", "gateway-install");

    private final DeploymentService deployments;
    private final ProcessSupervisor supervisor;
    private final BiFunction<String, String, Optional<ArtifactRef>> targets;

    /** @param targets the registered artifact of (server, version), if any */
    public DeployedUpstreams(
            DeploymentService deployments,
            ProcessSupervisor supervisor,
            BiFunction<String, String, Optional<ArtifactRef>> targets) {
        this.deployments = deployments;
        this.supervisor = supervisor;
        this.targets = targets;
    }

    @Override
    public UpstreamProcess launch(DeploymentId id, String version) {
        Deployment deployment = deployments.get(id);
        String dir = version.equals(deployment.state().version())
                ? java.util.Objects.requireNonNull(deployment.state().releaseDir())
                : Names.version(version);
        if (!deployments.area().exists(id, dir)) {
            install(id, version);
        }
        try {
            return supervisor.spawnUpstream(
                    id, dir, deployment.state().launch(), deployment.state().config());
        } catch (RuntimeException e) {
            throw new UpstreamUnavailableException("version " + version + " of " + id + " did not start", e);
        }
    }

    private void install(DeploymentId id, String version) {
        ArtifactRef artifact = targets.apply(id.server(), version)
                .orElseThrow(() -> new UpstreamUnavailableException(
                        "version " + version + " of " + id + " is neither installed nor a registered target", null));
        try {
            deployments.ensureInstalled(id, version, artifact, false, INSTALLER);
        } catch (RuntimeException e) {
            throw new UpstreamUnavailableException("version " + version + " of " + id + " did not install", e);
        }
    }

    @Override
    public void release(UpstreamProcess process) {
        supervisor.releaseUpstream(process);
    }
}
