package dev.mcpver.migrate;

import java.util.List;
import java.util.Map;

/**
 * What the compatibility analysis says about source → target: the minimal shape migrations and migration guides
 * need from the compatibility feature's {@code CompatReport}.
 *
 * @param requiredBump {@code major | minor | patch | none}
 * @param findings every change, breaking first
 * @param renames old tool name → new tool name
 */
public record CompatSummary(String requiredBump, List<CompatFinding> findings, Map<String, String> renames) {
    public CompatSummary {
        findings = List.copyOf(findings);
        renames = Map.copyOf(renames);
    }

    public long breaking() {
        return findings.stream()
                .filter(f -> f.level() == CompatFinding.Level.BREAKING)
                .count();
    }
}
