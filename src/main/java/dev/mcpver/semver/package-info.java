/**
 * The SemVer engine: versions, ranges, increments and diffs with the semantics of node-semver 7.8.6 in
 * strict mode with {@code includePrerelease=false}.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Pure and deterministic: imports only the JDK and JSpecify; no I/O, no clocks, no global state
 *       except the bounded, thread-safe cache of parsed ranges (node keeps the same 1,000-entry LRU).
 *   <li>Where node returns {@code null} or {@code false} for invalid input, this package throws {@link
 *       dev.mcpver.semver.SemverException} (or returns an empty {@code Optional} from a {@code try…}
 *       method). Nothing here returns {@code null} to mean "invalid".
 *   <li>Every {@link dev.mcpver.semver.Version} and {@link dev.mcpver.semver.Range} instance is valid and
 *       immutable, so it can be shared between threads.
 * </ul>
 *
 * <p>Entry points: {@link dev.mcpver.semver.Version}, {@link dev.mcpver.semver.Range} and the string facade
 * {@link dev.mcpver.semver.Semver}. Everything else is package-private implementation.
 */
@NullMarked
package dev.mcpver.semver;

import org.jspecify.annotations.NullMarked;
