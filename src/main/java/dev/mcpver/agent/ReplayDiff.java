package dev.mcpver.agent;

import org.jspecify.annotations.Nullable;

/**
 * One difference a verify replay found.
 *
 * @param logicalKey {@code r<round>.s<seq>} of the tool call, or {@code tape} for tape problems
 * @param kind {@code result_changed}, {@code error_changed}, {@code tool_missing}, {@code tape_exhausted} or
 *     {@code tape_unused}
 * @param expectedJson the recorded result (canonical JSON), when there is one
 * @param actualJson the replayed result (canonical JSON), when there is one
 */
public record ReplayDiff(
        String replayRunId,
        String logicalKey,
        String kind,
        @Nullable String toolName,
        @Nullable String originalStepId,
        @Nullable String replayStepId,
        @Nullable String argsSha256,
        @Nullable String expectedSha256,
        @Nullable String actualSha256,
        @Nullable String expectedJson,
        @Nullable String actualJson) {}
