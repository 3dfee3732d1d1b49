package dev.mcpver.rollback;

import java.util.List;

/** What a restore did: switched the deployment (undoable until confirmed), or refused with the reasons. */
public sealed interface RestoreOutcome {
    Execution execution();

    /**
     * The deployment now runs the restored release.
     *
     * @param execution the restore, {@code awaiting_confirmation}
     * @param deployment the switched deployment
     * @param previous the state before, which {@link RollbackService#undo} switches back to
     */
    record Restored(Execution execution, Deployment deployment, DeploymentState previous) implements RestoreOutcome {}

    /**
     * Nothing was switched.
     *
     * @param execution the restore, {@code failed}
     * @param reason one sentence
     * @param problems the files whose blobs are missing or corrupted (empty for other reasons)
     */
    record Refused(Execution execution, String reason, List<FileProblem> problems) implements RestoreOutcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
