package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What is released, with the SHA-256 of its bytes.
 *
 * @param kind {@code path} (a local file), {@code archive} (a local archive file) or {@code package} (a package
 *     spec such as {@code npm:@acme/weather@1.2.0}, not fetched by mcpver)
 * @param location the file path (absolute, or relative to mcpver's home) or the package spec
 * @param sha256 lower-case hex SHA-256 of the artifact's bytes
 */
public record Artifact(
        @JsonProperty("kind") String kind,
        @JsonProperty("location") String location,
        @JsonProperty("sha256") String sha256) {
    public static final List<String> KINDS = List.of("path", "archive", "package");

    public Artifact {
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("artifact.kind: expected one of " + KINDS + ", got \"" + kind + "\"");
        }
        location = Checks.text(location, "artifact.location", 2048);
        sha256 = Checks.sha256(sha256, "artifact.sha256");
    }

    /** A local file mcpver can hash again; packages live elsewhere. */
    public boolean local() {
        return !kind.equals("package");
    }
}
