package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.semver.Range;
import dev.mcpver.semver.SemverException;
import dev.mcpver.semver.Version;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A version as its publisher registers it.
 *
 * @param version a SemVer 2.0.0 version ({@code 1.4.0}, {@code 2.0.0-rc.1}); ranges are refused, as in
 *     {@code server.json}
 * @param changelog what changed, for people
 * @param securityUpdates advisories or issues this version fixes (ids or sentences)
 * @param dependencies package name → npm-style range, each checked with the SemVer engine
 * @param surface the server's MCP surface snapshot (tools, prompts, resources, …) as JSON, if known
 * @param artifact what is released, with its SHA-256
 */
public record VersionSpec(
        @JsonProperty("version") String version,
        @JsonProperty("changelog") String changelog,
        @JsonProperty("securityUpdates") List<String> securityUpdates,
        @JsonProperty("dependencies") Map<String, String> dependencies,
        @JsonProperty("surface") @Nullable JsonNode surface,
        @JsonProperty("artifact") Artifact artifact) {
    private static final int MAX_DEPENDENCY_NAME = 214; // npm's limit

    public VersionSpec {
        version = display(parse(Checks.text(version, "version", 255)));
        changelog = Checks.optionalText(changelog, "changelog", 100_000);
        securityUpdates = securityUpdates == null ? List.of() : List.copyOf(securityUpdates);
        dependencies = checkDependencies(dependencies);
        surface = surface == null || surface.isNull() ? null : surface;
        if (surface != null && !surface.isObject()) {
            throw new IllegalArgumentException("surface: expected a JSON object");
        }
        Checks.required(artifact, "artifact");
    }

    public Version parsedVersion() {
        return Version.parse(version);
    }

    /** The version as stored: canonical, without a {@code v} prefix, build metadata kept. */
    static String display(Version version) {
        return version.build().isEmpty() ? version.toString() : version + "+" + String.join(".", version.build());
    }

    /** The version without build metadata: equal for versions of equal precedence (unique per server). */
    public static String precedenceKey(Version version) {
        return version.toString();
    }

    static Version parse(String text) {
        try {
            return Version.parse(text);
        } catch (SemverException e) {
            throw new IllegalArgumentException("version: \"" + text + "\" is not a SemVer version (" + e.getMessage()
                    + "); ranges and tags are not versions");
        }
    }

    private static Map<String, String> checkDependencies(@Nullable Map<String, String> dependencies) {
        if (dependencies == null) {
            return Map.of();
        }
        Map<String, String> checked = new TreeMap<>();
        dependencies.forEach((name, range) -> {
            if (name == null || name.isBlank() || name.length() > MAX_DEPENDENCY_NAME) {
                throw new IllegalArgumentException("dependencies: a name must have 1-214 characters");
            }
            if (range == null || Range.tryParse(range).isEmpty()) {
                throw new IllegalArgumentException(
                        "dependencies." + name + ": \"" + range + "\" is not a valid version range");
            }
            checked.put(name, range.strip());
        });
        return Collections.unmodifiableMap(checked);
    }
}
