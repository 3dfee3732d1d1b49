package dev.mcpver.abtest;

/**
 * Persists a recommendation run (port). The agent integration records it as a trace with origin {@value
 * NarrativeWriter#ORIGIN}, like any agent run; until then the service uses {@link #none()}.
 */
@FunctionalInterface
public interface RecommendationRecorder {
    void record(Experiment experiment, Analysis analysis, Recommendation recommendation);

    static RecommendationRecorder none() {
        return (experiment, analysis, recommendation) -> {};
    }
}
