package dev.mcpver.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.SurfaceWriter;
import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.json.JsonWriter;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.store.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/** Takes snapshots for the HTTP API and the tools, and keeps them. Thread-safe. */
public final class SnapshotService {
    private final Snapshotter snapshotter;
    private final SnapshotStore store;
    private final Supplier<String> ids;
    private final ObjectMapper mapper;

    public SnapshotService(Snapshotter snapshotter, SnapshotStore store, Supplier<String> ids, ObjectMapper mapper) {
        this.snapshotter = snapshotter;
        this.store = store;
        this.ids = ids;
        this.mapper = mapper;
    }

    /** A stored snapshot with its surface as JSON. */
    public record Taken(String id, String sha256, String takenAt, String target, JsonNode surface) {}

    /**
     * @throws LaunchRequest.InvalidLaunchSpec when the spec is unusable
     * @throws SnapshotException when the server fails (one line)
     */
    public Taken take(JsonNode launch) {
        LaunchRequest request = LaunchRequest.parse(launch);
        Surface surface = snapshotter.snapshot(request.spec(), request.options());
        JsonValue file = SurfaceWriter.write(surface);
        String sha256 = CanonicalJson.sha256Hex(JsonWriter.canonical(file).getBytes(StandardCharsets.UTF_8));
        SnapshotStore.StoredSnapshot stored = store.save(
                ids.get(),
                sha256,
                surface.server().name(),
                surface.server().version(),
                request.spec().describe(),
                JsonWriter.compact(file));
        return taken(stored);
    }

    /** A snapshot that is not stored (the read-only tool): the surface file as JSON. */
    public JsonNode snapshot(JsonNode launch) {
        LaunchRequest request = LaunchRequest.parse(launch);
        Surface surface = snapshotter.snapshot(request.spec(), request.options());
        return dev.mcpver.surface.JsonValues.toJackson(SurfaceWriter.write(surface));
    }

    public Optional<Taken> find(String id) {
        return store.find(id).map(this::taken);
    }

    private Taken taken(SnapshotStore.StoredSnapshot stored) {
        try {
            return new Taken(
                    stored.id(), stored.sha256(), stored.takenAt(), stored.target(), mapper.readTree(stored.surface()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
