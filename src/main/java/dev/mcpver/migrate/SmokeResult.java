package dev.mcpver.migrate;

import java.util.List;

/**
 * How one smoke call went.
 *
 * @param tool the tool called
 * @param latencyMs time to answer
 * @param failures the expectations that did not hold (empty when it passed)
 */
public record SmokeResult(String tool, long latencyMs, List<String> failures) {
    public SmokeResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
