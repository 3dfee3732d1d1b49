package dev.mcpver.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.json.Json;
import org.jspecify.annotations.Nullable;

/**
 * One stored entry of the chain, exactly as hashed: text fields, JSON snapshots in canonical form.
 *
 * @param seq position in the chain, 1, 2, 3, … without gaps
 * @param at ISO-8601 instant of the append
 * @param actor who made the change
 * @param action what happened
 * @param targetType kind of the changed thing
 * @param targetId its id
 * @param before canonical JSON of the state before, or null
 * @param after canonical JSON of the state after, or null
 * @param requestId correlation id
 * @param prevHash hash of entry {@code seq - 1} ({@link AuditChain#GENESIS} for the first)
 * @param hash {@link AuditChain#hash} of this entry's content and {@code prevHash}
 */
public record AuditEntry(
        long seq,
        String at,
        String actor,
        String action,
        String targetType,
        String targetId,
        @Nullable String before,
        @Nullable String after,
        String requestId,
        String prevHash,
        String hash) {

    /** This entry as one JSON object (the export line and the HTTP representation). */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("seq", seq);
        node.put("at", at);
        node.put("actor", actor);
        node.put("action", action);
        node.putObject("target").put("type", targetType).put("id", targetId);
        node.set("before", parse(before));
        node.set("after", parse(after));
        node.put("requestId", requestId);
        node.put("prevHash", prevHash);
        node.put("hash", hash);
        return node;
    }

    private static JsonNode parse(@Nullable String text) {
        return text == null ? JsonNodeFactory.instance.nullNode() : Json.read(text);
    }
}
