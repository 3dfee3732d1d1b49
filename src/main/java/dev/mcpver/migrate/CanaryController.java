package dev.mcpver.migrate;

import dev.mcpver.rollback.DeploymentId;

/**
 * Port: the A/B side of canary updates. The A/B feature ({@code feat/abtest}) will implement it by creating an
 * experiment between the two versions and answering with its verdict; until then
 * {@code store.SqlUpdateStore.ManualCanary} takes an operator's decision recorded through the API.
 */
public interface CanaryController {
    /** Starts an experiment sending {@code trafficPercent} of calls to {@code toVersion}; returns its id. */
    String start(String updateId, DeploymentId deployment, String fromVersion, String toVersion, int trafficPercent);

    /** The experiment's verdict so far. */
    CanaryDecision decision(String experimentId);

    /** Ends the experiment (promoted, rolled back or timed out). */
    void stop(String experimentId);
}
