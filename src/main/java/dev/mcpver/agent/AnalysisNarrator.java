package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Caller;
import java.util.List;

/**
 * Planned, not built (docs/adr/0026): "write a narrative for this analysis". The A/B feature will declare its own
 * port for this in its engine package (pure: no Jackson, no LangChain4j); the lead will bind it to an implementation
 * of this interface. The implementation will start a run with {@code origin=ab_recommendation}, give the model the
 * analysis as data in the user turn (never in the system prompt), offer only read-only tools, and return the final
 * answer; offline, a template over the analysis. Every narrative is a stored, replayable trace.
 */
public interface AnalysisNarrator {
    Narrative narrate(NarrativeRequest request, Caller caller);

    /**
     * What to narrate.
     *
     * @param kind what was analysed, e.g. {@code ab_experiment}
     * @param subjectId the experiment (or other subject) id, recorded in the conversation title
     * @param analysis the engine's result as JSON (the same shape its HTTP API returns)
     */
    record NarrativeRequest(String kind, String subjectId, JsonNode analysis) {}

    /**
     * A narrative and the run that wrote it.
     *
     * @param text the narrative for people
     * @param runId the run that wrote it (its trace explains every claim)
     * @param mode {@code online} or {@code offline}
     */
    record Narrative(String text, String runId, String mode, List<String> warnings) {}
}
