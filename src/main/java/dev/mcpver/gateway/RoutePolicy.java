package dev.mcpver.gateway;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The routing rule, pure: which version serves a session's next request, given what the gateway knows of the
 * deployment and its experiment. Decisions drive it — a stopped experiment sends its sessions to the control
 * (rollback, halt, manual stop) or to the winner (promotion); new sessions follow a promoted winner until the
 * deployment switches; a paused experiment serves its control unmeasured.
 */
public final class RoutePolicy {
    private RoutePolicy() {}

    /** Where an experiment stands, as routing needs it. */
    public enum Phase {
        RUNNING,
        PAUSED,
        DRAFT,
        /** stopped towards the control: rollback, halt, or a manual stop without a winner */
        STOPPED_TO_CONTROL,
        /** stopped with a winner other than the control */
        PROMOTED
    }

    /**
     * An experiment of the deployment.
     *
     * @param id experiment id
     * @param phase see {@link Phase}
     * @param control key of the control variant
     * @param versions variant key → version
     * @param winner key of the promoted variant (phase {@code PROMOTED} only)
     */
    public record ExperimentView(
            String id,
            Phase phase,
            String control,
            Map<String, String> versions,
            @Nullable String winner) {
        public ExperimentView {
            versions = Map.copyOf(versions);
            if (!versions.containsKey(control)) {
                throw new IllegalArgumentException("the control " + control + " is not a variant");
            }
            if (phase == Phase.PROMOTED && (winner == null || !versions.containsKey(winner))) {
                throw new IllegalArgumentException("a promoted experiment names a winner among its variants");
            }
        }

        public String controlVersion() {
            return Objects.requireNonNull(versions.get(control));
        }

        public String winnerVersion() {
            return Objects.requireNonNull(versions.get(Objects.requireNonNull(winner)));
        }
    }

    /**
     * A deployment as the gateway sees it.
     *
     * @param activeVersion the version the deployment serves
     * @param experiment its latest experiment, if any
     * @param promotedSinceSwitch whether that experiment was promoted after the deployment's last switch (its winner
     *     then serves new sessions until a migration makes it the active version)
     */
    public record DeploymentView(
            String activeVersion, @Nullable ExperimentView experiment, boolean promotedSinceSwitch) {}

    /**
     * A session's assignment by an experiment.
     *
     * @param experimentId which experiment
     * @param variant its variant key
     * @param version the variant's version
     */
    public record Assignment(String experimentId, String variant, String version) {}

    /** The version for sessions without an assignment. */
    public static String defaultVersion(DeploymentView view) {
        ExperimentView experiment = view.experiment();
        if (experiment != null && experiment.phase() == Phase.PROMOTED && view.promotedSinceSwitch()) {
            return experiment.winnerVersion();
        }
        return view.activeVersion();
    }

    /** Whether a new session is assigned by the experiment (only while it runs). */
    public static boolean assigns(DeploymentView view) {
        return view.experiment() != null
                && Objects.requireNonNull(view.experiment()).phase() == Phase.RUNNING;
    }

    /**
     * The version serving a session's next request.
     *
     * @param moveExisting whether decisions move sessions already assigned (else they stay where they were sent)
     */
    public static String target(@Nullable Assignment assignment, DeploymentView view, boolean moveExisting) {
        if (assignment == null) {
            return defaultVersion(view);
        }
        ExperimentView experiment = view.experiment();
        if (experiment == null || !experiment.id().equals(assignment.experimentId())) {
            return moveExisting ? defaultVersion(view) : assignment.version();
        }
        return switch (experiment.phase()) {
            case RUNNING, DRAFT -> assignment.version();
            case PAUSED -> experiment.controlVersion();
            case STOPPED_TO_CONTROL -> moveExisting ? experiment.controlVersion() : assignment.version();
            case PROMOTED -> moveExisting ? experiment.winnerVersion() : assignment.version();
        };
    }

    /** Whether a call of this session is an observation of the experiment (assigned, and the experiment runs). */
    public static boolean measured(@Nullable Assignment assignment, DeploymentView view) {
        ExperimentView experiment = view.experiment();
        return assignment != null
                && experiment != null
                && experiment.phase() == Phase.RUNNING
                && experiment.id().equals(assignment.experimentId());
    }
}
