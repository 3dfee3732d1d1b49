package dev.mcpver.rollback;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers deployments, installs releases and switches the active one. A switch commits the pointer row first
 * (the truth), then moves the {@code current} link and tells the {@link ActivationListener}; {@link #reconcile}
 * repairs the link after a crash between the two. Thread-safe when its ports are.
 */
public final class DeploymentService {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentService.class);

    private final DeploymentStore store;
    private final ReleaseArea area;
    private final ReleaseInstaller installer;
    private final ActivationListener listener;
    private final Supplier<String> ids;

    public DeploymentService(
            DeploymentStore store,
            ReleaseArea area,
            ReleaseInstaller installer,
            ActivationListener listener,
            Supplier<String> ids) {
        this.store = store;
        this.area = area;
        this.installer = installer;
        this.listener = listener;
        this.ids = ids;
    }

    public Deployment register(DeploymentId id, LaunchSpec launch, List<ConfigEntry> config, Initiator who) {
        return store.create(id, new DeploymentState(null, null, launch, config), who);
    }

    public Deployment get(DeploymentId id) {
        return store.find(id).orElseThrow(() -> RollbackException.notFound("no deployment " + id));
    }

    public Optional<Deployment> find(DeploymentId id) {
        return store.find(id);
    }

    public List<Deployment> list() {
        return store.list();
    }

    public List<SwitchRecord> history(DeploymentId id, int limit) {
        get(id);
        return store.switches(id, limit);
    }

    /**
     * Makes sure {@code releases/<version>} holds the artifact: reuses a recorded install of the same artifact,
     * replaces an unrecorded or different one (never the active one), else installs.
     */
    public InstalledRelease ensureInstalled(
            DeploymentId id, String version, ArtifactRef artifact, boolean signatureRequired, Initiator who) {
        Deployment deployment = get(id);
        String dir = Names.version(version);
        Optional<InstalledRelease> recorded = store.release(id, dir);
        if (area.exists(id, dir)
                && recorded.isPresent()
                && recorded.get().artifact().equals(artifact)) {
            return recorded.get();
        }
        if (dir.equals(deployment.state().releaseDir())) {
            throw RollbackException.conflict("release " + dir + " of " + id + " is active and holds another artifact");
        }
        area.remove(id, dir);
        InstalledRelease installed = installer.install(id, version, dir, artifact, signatureRequired);
        store.recordRelease(installed, who);
        return installed;
    }

    /**
     * Installs an artifact into a scratch directory that is never recorded or activated (a dry run's target); the
     * caller removes it.
     */
    public InstalledRelease installScratch(
            DeploymentId id, String version, String releaseDir, ArtifactRef artifact, boolean signatureRequired) {
        get(id);
        area.remove(id, releaseDir);
        return installer.install(id, version, releaseDir, artifact, signatureRequired);
    }

    /** The switch a cause made, if it committed (recovery asks whether a migration's switch happened). */
    public Optional<SwitchRecord> switchFor(SwitchCause cause) {
        return store.switchFor(cause);
    }

    /** Installs (if needed) and switches to a version; the launch spec is replaced when given. */
    public Deployment activate(
            DeploymentId id, String version, ArtifactRef artifact, @Nullable LaunchSpec launch, Initiator who) {
        InstalledRelease installed = ensureInstalled(id, version, artifact, false, who);
        Deployment current = get(id);
        DeploymentState next = current.state().withRelease(version, installed.releaseDir());
        return switchTo(
                current, launch == null ? next : next.withLaunch(launch), new SwitchCause("activate", ids.get()), who);
    }

    /** Replaces configuration and/or launch spec; the release stays. */
    public Deployment configure(
            DeploymentId id, @Nullable List<ConfigEntry> config, @Nullable LaunchSpec launch, Initiator who) {
        Deployment current = get(id);
        DeploymentState next = current.state();
        next = config == null ? next : next.withConfig(config);
        next = launch == null ? next : next.withLaunch(launch);
        return switchTo(current, next, new SwitchCause("config", ids.get()), who);
    }

    /** Commits the switch, then moves {@code current} and notifies the listener. */
    public Deployment switchTo(Deployment current, DeploymentState next, SwitchCause cause, Initiator who) {
        Deployment switched = store.switchState(current.id(), current.revision(), next, cause, who);
        activated(switched);
        LOG.atInfo()
                .addKeyValue("operation", "DEPLOYMENT_SWITCH")
                .addKeyValue("deployment", switched.id().toString())
                .addKeyValue("version", String.valueOf(switched.state().version()))
                .addKeyValue("revision", switched.revision())
                .addKeyValue("cause", cause.toString())
                .log("{} now runs {}", switched.id(), switched.state().version());
        return switched;
    }

    /** After a switch committed: the link follows the pointer row, then whoever runs the process is told. */
    public void activated(Deployment deployment) {
        reconcile(deployment);
        listener.activated(deployment);
    }

    /** Makes {@code current} agree with the stored pointer (the pointer row is the truth). */
    public void reconcile(Deployment deployment) {
        String dir = deployment.state().releaseDir();
        if (dir != null && !area.currentLink(deployment.id()).equals(Optional.of(dir))) {
            area.linkCurrent(deployment.id(), dir);
        }
    }

    /** Removes an inactive release directory and its install record. */
    public void removeRelease(DeploymentId id, String releaseDir) {
        if (releaseDir.equals(get(id).state().releaseDir())) {
            throw RollbackException.conflict("release " + releaseDir + " is active");
        }
        area.remove(id, releaseDir);
        store.forgetRelease(id, releaseDir);
    }

    public ReleaseArea area() {
        return area;
    }
}
