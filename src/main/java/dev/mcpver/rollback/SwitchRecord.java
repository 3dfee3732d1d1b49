package dev.mcpver.rollback;

import java.time.Instant;

/**
 * One switch in a deployment's history, with the whole state before and after (secrets only by reference), so a
 * switch can be undone exactly.
 *
 * @param deployment which deployment
 * @param revision the revision the switch produced
 * @param before state before
 * @param after state after
 * @param cause why
 * @param subject who
 * @param at when
 */
public record SwitchRecord(
        DeploymentId deployment,
        long revision,
        DeploymentState before,
        DeploymentState after,
        SwitchCause cause,
        String subject,
        Instant at) {}
