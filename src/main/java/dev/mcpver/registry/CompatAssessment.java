package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * What the compatibility analyzer says about moving from one surface to another.
 *
 * @param analyzer which analyzer answered (name and version), for the record
 * @param previousVersion the version compared against
 * @param requiredBump the smallest bump the surface changes require
 * @param declaredBump the bump the version numbers declare
 * @param underBumped the declared bump is smaller than the required one
 * @param summary one sentence for people
 * @param details the analyzer's full report, if it has one
 */
public record CompatAssessment(
        @JsonProperty("analyzer") String analyzer,
        @JsonProperty("previousVersion") String previousVersion,
        @JsonProperty("requiredBump") Bump requiredBump,
        @JsonProperty("declaredBump") Bump declaredBump,
        @JsonProperty("underBumped") boolean underBumped,
        @JsonProperty("summary") String summary,
        @JsonProperty("details") @Nullable JsonNode details) {
    public static CompatAssessment of(
            String analyzer,
            String previousVersion,
            Bump required,
            Bump declared,
            String summary,
            @Nullable JsonNode details) {
        return new CompatAssessment(
                analyzer, previousVersion, required, declared, declared.under(required), summary, details);
    }
}
