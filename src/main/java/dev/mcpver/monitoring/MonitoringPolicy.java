package dev.mcpver.monitoring;

/**
 * Alert thresholds.
 *
 * @param maxProductionVersions more versions of one server in production than this is sprawl
 * @param maxErrorRate a production version failing more often than this (0–1) is unhealthy
 * @param minRequests fewer observed requests than this are too few to judge health
 */
public record MonitoringPolicy(int maxProductionVersions, double maxErrorRate, long minRequests) {
    public MonitoringPolicy {
        if (maxProductionVersions < 1 || maxErrorRate < 0 || maxErrorRate > 1 || minRequests < 0) {
            throw new IllegalArgumentException("invalid monitoring policy");
        }
    }

    /** Two production versions (current and the one being replaced), 5 % errors over at least 100 requests. */
    public static MonitoringPolicy defaults() {
        return new MonitoringPolicy(2, 0.05, 100);
    }
}
