package dev.mcpver.signing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerVersion;
import java.nio.charset.StandardCharsets;

/**
 * What a release signature covers, as canonical JSON (sorted keys, no whitespace):
 *
 * <pre>{@code
 * {"artifact":{"kind":"package","location":"npm:@acme/weather@1.2.0","sha256":"…"},
 *  "changelogSha256":"…","dependencies":{"zod":"^3.23.0"},"schema":"mcpver.release-manifest/v1",
 *  "securityUpdates":["GHSA-…"],"server":"io.github.acme/weather","surfaceSha256":"…"|null,"version":"1.2.0"}
 * }</pre>
 *
 * Content is bound by hash: the artifact's SHA-256 as registered, the SHA-256 of the surface's canonical JSON
 * recomputed from the stored surface, and the SHA-256 of the changelog text. Changing any of these fields — or the
 * surface or changelog themselves — changes the manifest and invalidates the signature. The stage, revision and
 * database ids are not signed: they change legitimately after signing.
 *
 * @param json the manifest as a tree
 */
public record ReleaseManifest(ObjectNode json) {
    public static final String SCHEMA = "mcpver.release-manifest/v1";

    public static ReleaseManifest of(Server server, ServerVersion version) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        json.put("schema", SCHEMA);
        json.put("server", server.name());
        json.put("version", version.version());
        json.putObject("artifact")
                .put("kind", version.artifact().kind())
                .put("location", version.artifact().location())
                .put("sha256", version.artifact().sha256());
        json.put("surfaceSha256", version.surface() == null ? null : CanonicalJson.sha256(version.surface()));
        ObjectNode dependencies = json.putObject("dependencies");
        version.dependencies().forEach(dependencies::put);
        json.put("changelogSha256", CanonicalJson.sha256Hex(version.changelog().getBytes(StandardCharsets.UTF_8)));
        ArrayNode securityUpdates = json.putArray("securityUpdates");
        version.securityUpdates().forEach(securityUpdates::add);
        return new ReleaseManifest(json);
    }

    /** The exact bytes that are signed. */
    public byte[] bytes() {
        return canonical().getBytes(StandardCharsets.UTF_8);
    }

    public String canonical() {
        return CanonicalJson.write(json);
    }

    public String sha256() {
        return CanonicalJson.sha256(json);
    }
}
