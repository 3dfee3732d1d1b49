package dev.mcpver.abtest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of an experiment's audit trail (creation, every status change, weight changes, automatic stops and
 * promotion proposals with the decision that caused them).
 *
 * @param type {@code created}, {@code started}, {@code paused}, {@code stopped}, {@code auto_stopped},
 *     {@code weights_changed}, {@code promotion_proposed}, {@code promoted}
 * @param actor the caller's subject, or {@code auto}
 * @param at when
 * @param details strings, numbers, booleans or lists of them (stored as JSON)
 */
public record AuditEvent(String type, String actor, Instant at, Map<String, Object> details) {
    public AuditEvent {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    static Map<String, Object> decisionDetails(Decision decision) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", decision.action().wireName());
        details.put("winner", decision.winner() == null ? "" : decision.winner());
        details.put("reasons", decision.reasons());
        return details;
    }
}
