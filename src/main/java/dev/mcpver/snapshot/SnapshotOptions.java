package dev.mcpver.snapshot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Limits and labels of one snapshot.
 *
 * @param timeout the whole snapshot, probes included
 * @param requestTimeout one request
 * @param probeProtocols also probe every known protocol revision with its own {@code initialize}
 * @param packageName package name to record (defaults to serverInfo.name)
 * @param packageVersion package version to record (the version the declared bump is computed from)
 */
public record SnapshotOptions(
        Duration timeout,
        Duration requestTimeout,
        boolean probeProtocols,
        @Nullable String packageName,
        @Nullable String packageVersion) {
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    public SnapshotOptions {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be between 1 ms and 5 minutes");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.compareTo(timeout) > 0) {
            throw new IllegalArgumentException("requestTimeout must be positive and at most the timeout");
        }
    }

    public static SnapshotOptions defaults() {
        return new SnapshotOptions(Duration.ofSeconds(60), Duration.ofSeconds(15), true, null, null);
    }

    public SnapshotOptions withoutProbes() {
        return new SnapshotOptions(timeout, requestTimeout, false, packageName, packageVersion);
    }

    public SnapshotOptions withPackage(@Nullable String name, @Nullable String version) {
        return new SnapshotOptions(timeout, requestTimeout, probeProtocols, name, version);
    }
}
