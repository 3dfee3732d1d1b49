package dev.mcpver.abtest;

/**
 * Told when an experiment ends with a verdict (automatic rollback or halt, promotion, or a manual stop), after
 * the change is committed. The canary update of the migration feature implements it to drive its rollout;
 * failures are logged, never undo the stop.
 */
@FunctionalInterface
public interface OutcomeListener {
    void onStopped(Experiment experiment, Decision decision);

    static OutcomeListener none() {
        return (experiment, decision) -> {};
    }
}
