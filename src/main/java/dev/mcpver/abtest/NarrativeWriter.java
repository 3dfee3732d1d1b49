package dev.mcpver.abtest;

import org.jspecify.annotations.Nullable;

/**
 * Writes the human-readable recommendation for an analysis (port). The agent implements it with a model; {@link
 * TemplateNarrativeWriter} is the offline implementation. The writer explains; it does not decide: a draft whose
 * stated action or wording contradicts {@code decision.action} is rejected (see {@link NarrativeCheck}).
 */
@FunctionalInterface
public interface NarrativeWriter {
    /** Origin of the agent run that writes a recommendation (its trace is recorded under it). */
    String ORIGIN = "ab_recommendation";

    NarrativeDraft write(Request request);

    /**
     * What the writer gets.
     *
     * @param experiment the experiment
     * @param analysis its full analysis, including the decision the narrative must agree with
     * @param attempt 1 for the first draft, 2 for the regeneration
     * @param feedback on a regeneration, why the previous draft was rejected
     */
    record Request(
            Experiment experiment,
            Analysis analysis,
            int attempt,
            @Nullable String feedback) {}

    /**
     * A draft.
     *
     * @param action the action the narrative recommends (must equal {@code decision.action})
     * @param text the narrative
     * @param writer who wrote it ({@code template}, or the model's name)
     * @param runId the agent run that wrote it, when an agent did
     */
    record NarrativeDraft(
            Action action,
            String text,
            String writer,
            @Nullable String runId) {
        public NarrativeDraft {
            if (text.isBlank()) {
                throw new IllegalArgumentException("a narrative must not be blank");
            }
        }

        /** A draft written without an agent run (the template, a test writer). */
        public NarrativeDraft(Action action, String text, String writer) {
            this(action, text, writer, null);
        }
    }
}
