package dev.mcpver.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.auth.Actor;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.json.Json;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One state change to record. {@code before}/{@code after} are JSON snapshots of the target (null for creation
 * and deletion respectively); they must never contain secrets.
 *
 * @param actor subject that made the change ({@code token:<id>}, {@code local}, {@code system})
 * @param action what happened, lower-case and dotted: {@code token.create}, {@code version.transition}
 * @param targetType kind of the changed thing: {@code token}, {@code server}, {@code version}
 * @param targetId its id
 * @param before state before the change, if it existed
 * @param after state after the change, if it still exists
 * @param requestId correlation id of the request that caused it
 */
public record AuditEvent(
        String actor,
        String action,
        String targetType,
        String targetId,
        @Nullable JsonNode before,
        @Nullable JsonNode after,
        String requestId) {
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+");

    public AuditEvent {
        if (actor.isBlank() || targetType.isBlank() || targetId.isBlank() || requestId.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an actor, a target and a request id");
        }
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException(
                    "audit action must be lower-case and dotted, e.g. token.create: " + action);
        }
    }

    /** An event by an actor, with snapshots converted by the shared mapper (records, maps, nodes). */
    public static AuditEvent of(
            Actor actor,
            String action,
            String targetType,
            String targetId,
            @Nullable Object before,
            @Nullable Object after) {
        return new AuditEvent(
                actor.subject(), action, targetType, targetId, tree(before), tree(after), actor.requestId());
    }

    /** The canonical text of {@code before}, as stored and hashed; null when absent. */
    public @Nullable String beforeText() {
        return before == null ? null : CanonicalJson.write(before);
    }

    /** The canonical text of {@code after}, as stored and hashed; null when absent. */
    public @Nullable String afterText() {
        return after == null ? null : CanonicalJson.write(after);
    }

    private static @Nullable JsonNode tree(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        ObjectMapper mapper = Json.mapper();
        return value instanceof JsonNode node ? node : mapper.valueToTree(value);
    }
}
