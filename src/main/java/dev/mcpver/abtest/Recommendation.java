package dev.mcpver.abtest;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A narrative for an analysis, consistent with the statistical decision.
 *
 * @param experimentId the experiment
 * @param decision the statistical decision; the action is never the writer's
 * @param narrative the accepted text
 * @param writer who wrote the accepted text ({@code template} or the model)
 * @param resolution accepted at once, regenerated after a contradiction, or replaced by the template
 * @param attempts drafts requested from the writer
 * @param rejections why earlier drafts were rejected, in order
 * @param runId the agent run that wrote the accepted narrative (its trace explains it), or null for the template
 */
public record Recommendation(
        String experimentId,
        Decision decision,
        String narrative,
        String writer,
        Resolution resolution,
        int attempts,
        List<String> rejections,
        @Nullable String runId) {
    public Recommendation {
        rejections = List.copyOf(rejections);
    }

    /** How the narrative came to be. */
    public enum Resolution {
        /** The first draft agreed with the decision. */
        ACCEPTED,
        /** The first draft contradicted the decision; the regenerated one agreed. */
        REGENERATED,
        /** The drafts contradicted the decision (or the writer failed): the template's narrative is used. */
        REPLACED_BY_TEMPLATE;

        public String wireName() {
            return Wire.name(this);
        }

        public static Optional<Resolution> fromWire(String text) {
            return Wire.parse(Resolution.class, text);
        }
    }
}
