package dev.mcpver.rollback;

import java.util.List;
import java.util.Optional;

/**
 * Port: the deployment pointer rows. Every write is one transaction together with its history row and audit entry.
 */
public interface DeploymentStore {
    /** Registers a deployment at revision 0; a {@link RollbackException.Reason#CONFLICT} when it exists. */
    Deployment create(DeploymentId id, DeploymentState state, Initiator who);

    Optional<Deployment> find(DeploymentId id);

    List<Deployment> list();

    /**
     * Replaces the whole state if the stored revision is still {@code expectedRevision} (else a conflict), records
     * the switch with its cause and audits it — all in one transaction: the deployment is switched or it is not.
     */
    Deployment switchState(
            DeploymentId id, long expectedRevision, DeploymentState next, SwitchCause cause, Initiator who);

    /** Newest first. */
    List<SwitchRecord> switches(DeploymentId id, int limit);

    /** The switch a given cause made, if it committed. */
    Optional<SwitchRecord> switchFor(SwitchCause cause);

    /** Remembers an installed release (replacing an older record of the same directory); audited. */
    void recordRelease(InstalledRelease release, Initiator who);

    Optional<InstalledRelease> release(DeploymentId id, String releaseDir);

    /** Forgets a release directory that was removed. */
    void forgetRelease(DeploymentId id, String releaseDir);
}
