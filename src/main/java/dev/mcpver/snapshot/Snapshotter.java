package dev.mcpver.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.SurfaceParser;
import dev.mcpver.compat.json.JsonObjectBuilder;
import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.surface.JsonValues;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a {@link Surface} from a live MCP server. Order of work: {@code initialize} (latest revision) and {@code
 * notifications/initialized}; {@code server/discover} (2026-07-28; servers that do not know it answer an error or
 * nothing within a short wait); every advertised list with pagination; then one {@code initialize} per older
 * revision to learn which ones are accepted. A server that speaks only 2026-07-28 is listed statelessly (protocol
 * version and client data in {@code _meta}). Thread-safe; each call uses its own connections.
 */
public final class Snapshotter {
    /** Revisions negotiated with {@code initialize}, oldest first. */
    public static final List<String> INITIALIZE_REVISIONS =
            List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");
    /** The stateless revision, discovered with {@code server/discover}. */
    public static final String DISCOVER_REVISION = "2026-07-28";

    private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);
    private static final String LATEST = "2025-11-25";
    private static final Duration DISCOVER_WAIT = Duration.ofSeconds(5);
    private static final int MAX_PAGES = 1000;
    private static final int MAX_ITEMS = 100_000;

    private final ObjectMapper objectMapper;
    private final McpJsonMapper mapper;
    private final Map<String, String> environment;
    private final String clientVersion;
    private final Clock clock;

    /**
     * @param environment the process environment, inherited by stdio servers only when their spec asks for it
     */
    public Snapshotter(ObjectMapper objectMapper, Map<String, String> environment, String clientVersion, Clock clock) {
        this.objectMapper = objectMapper;
        this.mapper = new JacksonMcpJsonMapper(objectMapper);
        this.environment = Map.copyOf(environment);
        this.clientVersion = clientVersion;
        this.clock = clock;
    }

    public Surface snapshot(LaunchSpec spec, SnapshotOptions options) {
        Instant started = clock.instant();
        Deadline deadline = new Deadline(clock, options.timeout());
        ObjectNode capture = objectMapper.createObjectNode();
        Session session = new Session(spec, options, deadline);
        session.main(capture);
        boolean probed = options.probeProtocols() && session.probe(capture);
        Surface surface = SurfaceParser.parse(JsonValues.fromJackson(capture));
        LOG.atInfo()
                .addKeyValue("operation", "SNAPSHOT")
                .addKeyValue("transport", spec instanceof LaunchSpec.Stdio ? "stdio" : "http")
                .addKeyValue("tools", surface.tools().items().size())
                .addKeyValue(
                        "durationMs", Duration.between(started, clock.instant()).toMillis())
                .log("snapshot taken"); // no target: command arguments and URLs may carry credentials
        return withSource(surface, spec, options, probed, session.notes);
    }

    private Surface withSource(
            Surface s, LaunchSpec spec, SnapshotOptions options, boolean probed, List<String> notes) {
        JsonValue.JObject source = JsonObjectBuilder.object()
                .put("kind", "snapshot")
                .put("transport", spec instanceof LaunchSpec.Stdio ? "stdio" : "streamable-http")
                .put("target", spec.describe())
                .put("protocolsProbed", probed)
                .put("client", "mcpver " + clientVersion)
                .putStrings("notes", notes)
                .build();
        Surface.PackageInfo pkg = new Surface.PackageInfo(
                options.packageName() != null
                        ? options.packageName()
                        : s.server().name(),
                options.packageVersion() != null
                        ? options.packageVersion()
                        : s.server().version(),
                s.server().mcpName());
        return new Surface(
                s.schemaVersion(),
                pkg,
                s.serverInfo(),
                s.protocol(),
                s.capabilities(),
                s.instructions(),
                s.tools(),
                s.prompts(),
                s.resources(),
                s.resourceTemplates(),
                s.dependencies(),
                s.config(),
                source);
    }

    /** The remaining time budget of one snapshot. */
    private record Deadline(Clock clock, Instant end) {
        Deadline(Clock clock, Duration timeout) {
            this(clock, clock.instant().plus(timeout));
        }

        Duration remaining() {
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                throw new SnapshotException("the snapshot did not finish within its time limit");
            }
            return left;
        }

        Duration cap(Duration wanted) {
            Duration left = remaining();
            return wanted.compareTo(left) < 0 ? wanted : left;
        }
    }

    /** The connections and requests of one snapshot. */
    private final class Session {
        private final LaunchSpec spec;
        private final SnapshotOptions options;
        private final Deadline deadline;
        private final List<String> notes = new ArrayList<>();
        private @Nullable String negotiated;

        Session(LaunchSpec spec, SnapshotOptions options, Deadline deadline) {
            this.spec = spec;
            this.options = options;
            this.deadline = deadline;
        }

        private McpConnection open(String revision) {
            if (spec instanceof LaunchSpec.Stdio stdio) {
                return McpConnection.stdio(stdio, mapper, environment, options.requestTimeout());
            }
            return McpConnection.http((LaunchSpec.Http) spec, mapper, options.requestTimeout(), revision);
        }

        private JsonNode request(McpConnection connection, String method, @Nullable Object params) {
            return connection.request(method, params, deadline.cap(options.requestTimeout()));
        }

        void main(ObjectNode capture) {
            try (McpConnection connection = open(LATEST)) {
                JsonNode initialize = initialize(connection);
                JsonNode discover =
                        spec instanceof LaunchSpec.Stdio || initialize == null ? discover(connection) : null;
                if (spec instanceof LaunchSpec.Http && initialize != null) {
                    discover = discoverOverHttp();
                }
                if (initialize == null && discover == null) {
                    throw new SnapshotException("the server answered neither initialize nor server/discover");
                }
                JsonNode answer = initialize != null ? initialize : java.util.Objects.requireNonNull(discover);
                record(capture, answer, initialize, discover);
                JsonNode capabilities = answer.path("capabilities");
                lists(connection, capture, capabilities, initialize == null);
            }
        }

        private @Nullable JsonNode initialize(McpConnection connection) {
            try {
                JsonNode result = request(connection, "initialize", initializeParams(LATEST));
                negotiated = result.path("protocolVersion").asText(null);
                connection.notify("notifications/initialized", null);
                return result;
            } catch (McpConnection.RpcError e) {
                notes.add("initialize failed (" + e.getMessage() + "); trying server/discover");
                return null;
            }
        }

        private Map<String, Object> initializeParams(String revision) {
            return Map.of(
                    "protocolVersion", revision,
                    "capabilities", Map.of(),
                    "clientInfo", Map.of("name", "mcpver-snapshot", "version", clientVersion));
        }

        private Map<String, Object> meta() {
            return Map.of(
                    "_meta",
                    Map.of(
                            "io.modelcontextprotocol/protocolVersion", DISCOVER_REVISION,
                            "io.modelcontextprotocol/clientInfo",
                                    Map.of("name", "mcpver-snapshot", "version", clientVersion),
                            "io.modelcontextprotocol/clientCapabilities", Map.of()));
        }

        /** {@code server/discover}; servers that do not know it answer an error, or nothing within a short wait. */
        private @Nullable JsonNode discover(McpConnection connection) {
            try {
                JsonNode result = connection.request("server/discover", meta(), deadline.cap(DISCOVER_WAIT));
                return result.has("supportedVersions") ? result : null;
            } catch (McpConnection.RpcError e) {
                return null;
            } catch (SnapshotException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("no answer")) {
                    notes.add("server/discover was not answered; the server predates 2026-07-28");
                    return null;
                }
                throw e;
            }
        }

        private @Nullable JsonNode discoverOverHttp() {
            try (McpConnection connection = open(DISCOVER_REVISION)) {
                return discover(connection);
            } catch (SnapshotException e) {
                notes.add("server/discover failed: " + e.getMessage());
                return null;
            }
        }

        private void record(
                ObjectNode capture, JsonNode answer, @Nullable JsonNode initialize, @Nullable JsonNode discover) {
            JsonNode info = answer.path("serverInfo");
            ObjectNode server = capture.putObject("server");
            if (info.path("name").isTextual()) {
                server.put("name", info.path("name").asText());
            }
            if (initialize != null) {
                capture.set("initialize", initialize);
            }
            if (discover != null) {
                capture.set("discover", discover);
            }
        }

        private void lists(McpConnection connection, ObjectNode capture, JsonNode capabilities, boolean stateless) {
            capture.set("tools", capabilities.has("tools") ? all(connection, "tools/list", "tools", stateless) : null);
            capture.set(
                    "prompts",
                    capabilities.has("prompts") ? all(connection, "prompts/list", "prompts", stateless) : null);
            boolean resources = capabilities.has("resources");
            capture.set("resources", resources ? all(connection, "resources/list", "resources", stateless) : null);
            capture.set("resourceTemplates", resources ? templates(connection, stateless) : null);
        }

        private JsonNode templates(McpConnection connection, boolean stateless) {
            try {
                return all(connection, "resources/templates/list", "resourceTemplates", stateless);
            } catch (McpConnection.RpcError e) {
                if (e.code() != McpConnection.RpcError.METHOD_NOT_FOUND) {
                    throw new SnapshotException(String.valueOf(e.getMessage()));
                }
                notes.add("resources/templates/list is not implemented; recorded as an empty list");
                return objectMapper.createArrayNode();
            }
        }

        /** Every page of a list, following {@code nextCursor}; cycles and runaway lists are errors. */
        private ArrayNode all(McpConnection connection, String method, String key, boolean stateless) {
            ArrayNode items = objectMapper.createArrayNode();
            Set<String> cursors = new HashSet<>();
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                ObjectNode params = objectMapper.valueToTree(stateless ? meta() : Map.of());
                if (cursor != null) {
                    params.put("cursor", cursor);
                }
                JsonNode result = request(connection, method, params);
                JsonNode list = result.get(key);
                if (list == null || !list.isArray()) {
                    throw new SnapshotException(method + " answered without a '" + key + "' array");
                }
                items.addAll((ArrayNode) list);
                if (items.size() > MAX_ITEMS) {
                    throw new SnapshotException(method + " returned more than " + MAX_ITEMS + " items");
                }
                JsonNode next = result.get("nextCursor");
                if (next == null || next.isNull() || next.asText().isEmpty()) {
                    return items;
                }
                if (!cursors.add(next.asText())) {
                    throw new SnapshotException(
                            method + " returned the cursor '" + next.asText() + "' twice (pagination loop)");
                }
                cursor = next.asText();
            }
            throw new SnapshotException(method + " did not end after " + MAX_PAGES + " pages");
        }

        /** One initialize per revision; all-or-nothing so that a partial probe never claims a dropped revision. */
        boolean probe(ObjectNode capture) {
            TreeSet<String> accepted = new TreeSet<>();
            if (negotiated != null && INITIALIZE_REVISIONS.contains(negotiated)) {
                accepted.add(negotiated);
            }
            for (String revision : INITIALIZE_REVISIONS) {
                if (revision.equals(negotiated)) {
                    continue;
                }
                try (McpConnection connection = open(revision)) {
                    JsonNode result = request(connection, "initialize", initializeParams(revision));
                    if (revision.equals(result.path("protocolVersion").asText())) {
                        accepted.add(revision);
                    }
                } catch (McpConnection.RpcError e) {
                    // refused: not accepted
                } catch (SnapshotException e) {
                    if (e.getMessage() != null && e.getMessage().contains("time limit")) {
                        notes.add("protocol probing stopped at the time limit; protocol revisions not recorded");
                        return false;
                    }
                    notes.add("probing " + revision + ": " + e.getMessage());
                }
            }
            JsonNode discovered = capture.path("discover").path("supportedVersions");
            discovered.forEach(v -> accepted.add(v.asText()));
            ArrayNode versions = capture.putArray("supportedProtocolVersions");
            accepted.forEach(versions::add);
            return true;
        }
    }
}
