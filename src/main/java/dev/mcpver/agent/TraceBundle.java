package dev.mcpver.agent;

import java.util.List;

/** A whole conversation as exported: its runs (start order), their own steps, and the blobs they reference. */
public record TraceBundle(Conversation conversation, List<RunSteps> runs, List<Blob> blobs) {
    public TraceBundle {
        runs = List.copyOf(runs);
        blobs = List.copyOf(blobs);
    }

    /** A run with its own steps. */
    public record RunSteps(Run run, List<Step> steps) {
        public RunSteps {
            steps = List.copyOf(steps);
        }
    }
}
