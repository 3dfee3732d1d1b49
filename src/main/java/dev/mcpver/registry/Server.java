package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * A registered server. Serialised flat: {@code id}, the {@link ServerSpec} fields, then revision and times.
 *
 * @param id stable identifier (ULID)
 * @param spec its declared definition
 * @param revision incremented by every change (optimistic locking)
 * @param createdAt when it was registered
 * @param createdBy who registered it
 * @param updatedAt when its definition last changed
 */
public record Server(
        String id, ServerSpec spec, long revision, Instant createdAt, String createdBy, Instant updatedAt) {
    /** Serialised inline ({@code @JsonUnwrapped} is ignored on record components, so it sits on the accessor). */
    @Override
    @JsonUnwrapped
    public ServerSpec spec() {
        return spec;
    }

    @JsonIgnore
    public String name() {
        return spec.name();
    }

    public Server updated(ServerSpec newSpec, Instant at) {
        return new Server(id, newSpec, revision + 1, createdAt, createdBy, at);
    }
}
