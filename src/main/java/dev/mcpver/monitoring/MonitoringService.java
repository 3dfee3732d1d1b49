package dev.mcpver.monitoring;

import dev.mcpver.lifecycle.Stage;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.vuln.AdvisoryHit;
import dev.mcpver.vuln.AdvisoryService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Health, adoption and alerts over the registry. Read-only and thread-safe. */
public final class MonitoringService {
    private final RegistryService registry;
    private final AdvisoryService advisories;
    private final VersionMetrics metrics;
    private final AdoptionSource adoption;
    private final MonitoringPolicy policy;

    public MonitoringService(
            RegistryService registry,
            AdvisoryService advisories,
            VersionMetrics metrics,
            AdoptionSource adoption,
            MonitoringPolicy policy) {
        this.registry = registry;
        this.advisories = advisories;
        this.metrics = metrics;
        this.adoption = adoption;
        this.policy = policy;
    }

    public Optional<VersionHealth> health(String versionId) {
        Map<String, Long> consumers = adoption.consumersByVersion();
        return registry.version(versionId).map(v -> health(v, consumers));
    }

    /** Health and adoption of every version of a server, newest first. */
    public List<VersionHealth> adoption(String serverId) {
        Map<String, Long> consumers = adoption.consumersByVersion();
        return registry.versions(serverId).stream()
                .map(v -> health(v, consumers))
                .toList();
    }

    /** Every current alert, most severe first. */
    public List<Alert> alerts() {
        Map<String, Long> consumers = adoption.consumersByVersion();
        Map<String, List<ServerVersion>> byServer =
                registry.versionsIn(List.of(Stage.PRODUCTION, Stage.DEPRECATED, Stage.ARCHIVED)).stream()
                        .collect(Collectors.groupingBy(
                                ServerVersion::serverId, LinkedHashMap::new, Collectors.toList()));
        List<Alert> alerts = new ArrayList<>();
        byServer.forEach((serverId, versions) ->
                registry.server(serverId).ifPresent(server -> alerts.addAll(alertsFor(server, versions, consumers))));
        alerts.sort(
                (a, b) -> a.severity().equals(b.severity()) ? 0 : a.severity().equals("critical") ? -1 : 1);
        return alerts;
    }

    private List<Alert> alertsFor(Server server, List<ServerVersion> versions, Map<String, Long> consumers) {
        List<Alert> alerts = new ArrayList<>();
        List<ServerVersion> production =
                versions.stream().filter(v -> v.stage() == Stage.PRODUCTION).toList();
        if (production.size() > policy.maxProductionVersions()) {
            alerts.add(new Alert(
                    "version-sprawl",
                    "warning",
                    server.id(),
                    server.name(),
                    null,
                    null,
                    production.size() + " versions of " + server.name() + " are in production (at most "
                            + policy.maxProductionVersions() + " expected): deprecate the ones being replaced",
                    Map.of(
                            "production",
                            production.stream().map(ServerVersion::version).toList(),
                            "max",
                            policy.maxProductionVersions())));
        }
        for (ServerVersion version : versions) {
            inUse(server, version, consumers.getOrDefault(version.id(), 0L)).ifPresent(alerts::add);
            if (version.stage() == Stage.PRODUCTION) {
                unhealthy(server, version).ifPresent(alerts::add);
                vulnerable(server, version).ifPresent(alerts::add);
            }
        }
        return alerts;
    }

    private static Optional<Alert> inUse(Server server, ServerVersion version, long consumers) {
        if (consumers == 0 || version.stage() == Stage.PRODUCTION) {
            return Optional.empty();
        }
        boolean archived = version.stage() == Stage.ARCHIVED;
        return Optional.of(new Alert(
                archived ? "archived-in-use" : "deprecated-in-use",
                archived ? "critical" : "warning",
                server.id(),
                server.name(),
                version.id(),
                version.version(),
                server.name() + " " + version.version() + " is "
                        + version.stage().wireName() + " but still used by " + consumers
                        + " consumer(s): move them to a production version",
                Map.of("consumers", consumers)));
    }

    private Optional<Alert> unhealthy(Server server, ServerVersion version) {
        return metrics.health(version.id())
                .filter(s -> s.requests() >= policy.minRequests() && s.errorRate() > policy.maxErrorRate())
                .map(s -> new Alert(
                        "unhealthy-version",
                        "critical",
                        server.id(),
                        server.name(),
                        version.id(),
                        version.version(),
                        server.name() + " " + version.version() + " fails "
                                + String.format(java.util.Locale.ROOT, "%.1f", s.errorRate() * 100)
                                + " % of calls (over "
                                + s.requests() + "): consider rolling back",
                        Map.of("errorRate", s.errorRate(), "requests", s.requests(), "p95Millis", s.p95Millis())));
    }

    private Optional<Alert> vulnerable(Server server, ServerVersion version) {
        List<AdvisoryHit> hits = advisories.hits(server, version);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Alert(
                "vulnerable-in-production",
                "critical",
                server.id(),
                server.name(),
                version.id(),
                version.version(),
                server.name() + " " + version.version() + " in production is hit by "
                        + hits.stream().map(AdvisoryHit::advisoryId).distinct().collect(Collectors.joining(", ")),
                Map.of(
                        "advisories",
                        hits.stream().map(AdvisoryHit::advisoryId).distinct().toList())));
    }

    private VersionHealth health(ServerVersion version, Map<String, Long> consumers) {
        Optional<HealthSample> sample = metrics.health(version.id());
        String status = sample.filter(s -> s.requests() >= policy.minRequests())
                .map(s -> s.errorRate() > policy.maxErrorRate() ? "unhealthy" : "healthy")
                .orElse("unknown");
        return new VersionHealth(
                version.id(),
                version.version(),
                version.stage(),
                status,
                sample.orElse(null),
                consumers.getOrDefault(version.id(), 0L),
                !consumers.isEmpty());
    }
}
