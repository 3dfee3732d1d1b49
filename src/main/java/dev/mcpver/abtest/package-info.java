/**
 * A/B testing of MCP server versions: the experiment model, deterministic sticky assignment, and the statistics
 * of {@code docs/abtest.md} (shared design docs) with the commons-math3 3.6.1 corrections it lists.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Pure: imports only the JDK, SLF4J and commons-math3. Persistence, the model that writes narratives and
 *       the canary driver are ports ({@link dev.mcpver.abtest.ExperimentRepository},
 *       {@link dev.mcpver.abtest.NarrativeWriter}, {@link dev.mcpver.abtest.OutcomeListener}) implemented
 *       elsewhere.
 *   <li>Undefined statistics are {@code null} with a {@link dev.mcpver.abtest.Warning} code, never NaN or
 *       infinity.
 *   <li>Only the sequential (mSPRT) p-values drive {@link dev.mcpver.abtest.Decision}s; fixed-horizon p-values
 *       are reported for people.
 *   <li>Records are validated in their constructors; every instance is valid and immutable.
 * </ul>
 *
 * <p>Entry points: {@link dev.mcpver.abtest.ExperimentService} (the application service), {@link
 * dev.mcpver.abtest.Analyzer} (analysis of one experiment's data), {@link dev.mcpver.abtest.SampleSize}.
 */
@NullMarked
package dev.mcpver.abtest;

import org.jspecify.annotations.NullMarked;
