package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.rollback.DeploymentId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One agent's MCP session through the gateway: its deployment, its experiment unit and sticky assignment, the
 * {@code initialize} result it was given (kept for the whole session), its requests in flight (for cancellation)
 * and the stream server-initiated messages go to. Thread-safe.
 */
public final class GatewaySession {
    /** A forwarded request: where it went and under which upstream id. */
    record InFlight(UpstreamChannel channel, long upstreamId) {}

    private final String id;
    private final DeploymentId deployment;
    private final String unit;
    private final RoutePolicy.@Nullable Assignment assignment;
    private final String protocolVersion;
    private final Map<JsonNode, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile @Nullable Consumer<ObjectNode> stream;
    private volatile Runnable onClose = () -> {};
    private volatile Instant lastSeen;
    private volatile String lastVersion;

    GatewaySession(
            String id,
            DeploymentId deployment,
            String unit,
            RoutePolicy.@Nullable Assignment assignment,
            String protocolVersion,
            String version,
            Instant now) {
        this.id = id;
        this.deployment = deployment;
        this.unit = unit;
        this.assignment = assignment;
        this.protocolVersion = protocolVersion;
        this.lastVersion = version;
        this.lastSeen = now;
    }

    public String id() {
        return id;
    }

    public DeploymentId deployment() {
        return deployment;
    }

    /** The experiment unit (a client id, else the session). */
    public String unit() {
        return unit;
    }

    public RoutePolicy.@Nullable Assignment assignment() {
        return assignment;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    /** The version that served the latest request. */
    public String lastVersion() {
        return lastVersion;
    }

    void served(String version, Instant now) {
        lastVersion = version;
        lastSeen = now;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    Map<JsonNode, InFlight> inFlight() {
        return inFlight;
    }

    /** Opens the stream of server-initiated messages (the HTTP GET stream); replaces an older one. */
    public void stream(@Nullable Consumer<ObjectNode> sink) {
        stream = sink;
    }

    /** What to run when the session ends (the HTTP GET stream completes its response). */
    public void onClose(Runnable action) {
        onClose = action;
    }

    void closed() {
        stream = null;
        onClose.run();
    }

    /** Delivers a server-initiated message if a stream is open; returns whether it was. */
    boolean push(ObjectNode message) {
        Consumer<ObjectNode> sink = stream;
        if (sink == null) {
            return false;
        }
        sink.accept(message);
        return true;
    }
}
