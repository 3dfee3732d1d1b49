package dev.mcpver.migrate;

import dev.mcpver.rollback.Initiator;

/** Port: a {@link TargetCatalog} that also accepts registrations (the stand-in until the registry lands). */
public interface TargetRegistry extends TargetCatalog {
    /** Registers a version, replacing an earlier registration of the same version; audited. */
    void register(TargetRelease target, Initiator who);
}
