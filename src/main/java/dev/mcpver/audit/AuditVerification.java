package dev.mcpver.audit;

import java.util.List;

/**
 * The result of walking the whole chain.
 *
 * @param valid true when no problem was found
 * @param checked entries read
 * @param lastSeq sequence number of the last entry read (0 for an empty chain)
 * @param lastHash hash of the last entry read — record it elsewhere to detect a rewrite of the whole chain later
 * @param problems the first {@link Verifier#MAX_PROBLEMS} problems, in chain order
 * @param problemCount every problem found, including those not listed
 */
public record AuditVerification(
        boolean valid, long checked, long lastSeq, String lastHash, List<AuditProblem> problems, long problemCount) {
    public AuditVerification {
        problems = List.copyOf(problems);
    }
}
