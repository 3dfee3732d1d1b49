package dev.mcpver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.CanonicalJson;
import java.util.Optional;

/**
 * Port to the compatibility analyzer: the smallest bump that the change from one surface to another requires.
 * Until the analyzer of the compatibility feature is wired here, {@link #identicalSurfacesOnly()} answers only the
 * case it can prove — identical surfaces require no bump — and stays silent otherwise (gates then warn).
 */
@FunctionalInterface
public interface CompatCheck {
    /**
     * The required bump and details, or empty when this analyzer cannot judge the pair.
     *
     * @param previous the earlier version and its surface
     * @param candidate the later version and its surface
     */
    Optional<Required> requiredBump(VersionSurface previous, VersionSurface candidate);

    /** A version number and the surface snapshot registered with it. */
    record VersionSurface(String version, JsonNode surface) {}

    /**
     * An analyzer's answer.
     *
     * @param analyzer its name, recorded with the assessment
     * @param bump the smallest bump the changes require
     * @param summary one sentence
     * @param details the full report, or null
     */
    record Required(
            String analyzer,
            Bump bump,
            String summary,
            @org.jspecify.annotations.Nullable JsonNode details) {}

    /** Proves only "nothing changed"; any difference is left to a real analyzer. */
    static CompatCheck identicalSurfacesOnly() {
        return (previous, candidate) ->
                CanonicalJson.sha256(previous.surface()).equals(CanonicalJson.sha256(candidate.surface()))
                        ? Optional.of(new Required("identical-surfaces", Bump.NONE, "the surfaces are identical", null))
                        : Optional.empty();
    }
}
