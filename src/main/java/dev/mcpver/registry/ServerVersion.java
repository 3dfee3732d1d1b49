package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.semver.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A registered version of a server.
 *
 * @param id stable identifier (ULID)
 * @param serverId the server it belongs to
 * @param version its SemVer version, normalised by the engine
 * @param stage where it is in the lifecycle
 * @param revision incremented by every change; transitions require the revision they read (optimistic locking)
 * @param changelog what changed
 * @param securityUpdates advisories or issues it fixes
 * @param dependencies package name → range
 * @param surface the MCP surface snapshot, if registered
 * @param surfaceSha256 SHA-256 of the surface's canonical JSON, if registered
 * @param artifact what is released and its SHA-256
 * @param previousVersion the highest earlier version of the same server at registration, if any
 * @param declaredBump the bump from {@code previousVersion}, if any
 * @param compat the analyzer's verdict against {@code previousVersion}, when it could judge
 * @param createdAt when it was registered
 * @param createdBy who registered it
 * @param updatedAt when it last changed (stage)
 */
public record ServerVersion(
        @JsonProperty("id") String id,
        @JsonProperty("serverId") String serverId,
        @JsonProperty("version") String version,
        @JsonProperty("stage") Stage stage,
        @JsonProperty("revision") long revision,
        @JsonProperty("changelog") String changelog,
        @JsonProperty("securityUpdates") List<String> securityUpdates,
        @JsonProperty("dependencies") Map<String, String> dependencies,
        @JsonProperty("surface") @Nullable JsonNode surface,
        @JsonProperty("surfaceSha256") @Nullable String surfaceSha256,
        @JsonProperty("artifact") Artifact artifact,
        @JsonProperty("previousVersion") @Nullable String previousVersion,
        @JsonProperty("declaredBump") @Nullable Bump declaredBump,
        @JsonProperty("compat") @Nullable CompatAssessment compat,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("createdBy") String createdBy,
        @JsonProperty("updatedAt") Instant updatedAt) {
    public ServerVersion {
        securityUpdates = List.copyOf(securityUpdates);
        dependencies = Map.copyOf(dependencies);
    }

    public Version parsed() {
        return Version.parse(version);
    }

    /** This version moved to another stage. */
    public ServerVersion inStage(Stage next, Instant at) {
        return new ServerVersion(
                id,
                serverId,
                version,
                next,
                revision + 1,
                changelog,
                securityUpdates,
                dependencies,
                surface,
                surfaceSha256,
                artifact,
                previousVersion,
                declaredBump,
                compat,
                createdAt,
                createdBy,
                at);
    }

    /** The version without its (possibly large) surface: what lists and audit entries show. */
    public ServerVersion withoutSurface() {
        return new ServerVersion(
                id,
                serverId,
                version,
                stage,
                revision,
                changelog,
                securityUpdates,
                dependencies,
                null,
                surfaceSha256,
                artifact,
                previousVersion,
                declaredBump,
                compat,
                createdAt,
                createdBy,
                updatedAt);
    }
}
