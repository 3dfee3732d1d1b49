package dev.mcpver.lifecycle;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one gate found.
 *
 * @param gate the gate's stable name ({@code signature}, {@code checksum}, …)
 * @param verdict pass, warn or fail
 * @param weight the gate's weight in the security score (0 = not scored)
 * @param detail one or two sentences for the operator: what was checked and what to do
 * @param evidence structured facts behind the verdict (JSON-compatible values: strings, numbers, booleans, lists
 *     and maps of them)
 */
public record GateResult(String gate, GateVerdict verdict, int weight, String detail, Map<String, Object> evidence) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public GateResult {
        if (!NAME.matcher(gate).matches()) {
            throw new IllegalArgumentException("gate names are lower-case slugs: " + gate);
        }
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("a gate weight is 0-100: " + weight);
        }
        if (detail.isBlank()) {
            throw new IllegalArgumentException("a gate result explains itself");
        }
        evidence = Map.copyOf(evidence);
    }

    public static GateResult pass(String gate, int weight, String detail, Map<String, Object> evidence) {
        return new GateResult(gate, GateVerdict.PASS, weight, detail, evidence);
    }

    public static GateResult warn(String gate, int weight, String detail, Map<String, Object> evidence) {
        return new GateResult(gate, GateVerdict.WARN, weight, detail, evidence);
    }

    public static GateResult fail(String gate, int weight, String detail, Map<String, Object> evidence) {
        return new GateResult(gate, GateVerdict.FAIL, weight, detail, evidence);
    }

    public boolean failed() {
        return verdict == GateVerdict.FAIL;
    }
}
