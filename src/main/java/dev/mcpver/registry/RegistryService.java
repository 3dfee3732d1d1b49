package dev.mcpver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.auth.Actor;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.lifecycle.LifecyclePolicy;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.semver.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Servers and their versions: registration (SemVer-validated, unique per server, with the declared bump and the
 * compatibility verdict against the previous version), lookups and lists ordered by the SemVer engine. Callers
 * check roles (operator to write); this service records who did what. Thread-safe.
 */
public final class RegistryService {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryService.class);
    /** Newest first, by SemVer precedence. */
    public static final Comparator<ServerVersion> NEWEST_FIRST =
            Comparator.comparing(ServerVersion::parsed).reversed();

    private final RegistryStore store;
    private final CompatCheck compat;
    private final Clock clock;

    public RegistryService(RegistryStore store, CompatCheck compat, Clock clock) {
        this.store = store;
        this.compat = compat;
        this.clock = clock;
    }

    public ServerWrite createServer(ServerSpec spec, Actor actor) {
        Instant now = clock.instant();
        Server server = new Server(UlidCreator.getMonotonicUlid().toString(), spec, 1, now, actor.subject(), now);
        if (!store.insertServer(server, AuditEvent.of(actor, "server.create", "server", server.id(), null, server))) {
            return new ServerWrite.NameTaken(spec.name());
        }
        return new ServerWrite.Saved(server, true);
    }

    /** Replaces a server's definition; {@code expectedRevision} guards against overwriting someone else's change. */
    public ServerWrite updateServer(String id, ServerSpec spec, long expectedRevision, Actor actor) {
        Optional<Server> current = store.findServer(id);
        if (current.isEmpty()) {
            return new ServerWrite.NotFound(id);
        }
        if (current.get().revision() != expectedRevision) {
            return new ServerWrite.Stale(id, expectedRevision, current.get().revision());
        }
        Optional<Server> sameName = store.findServerByName(spec.name());
        if (sameName.isPresent() && !sameName.get().id().equals(id)) {
            return new ServerWrite.NameTaken(spec.name());
        }
        Server updated = current.get().updated(spec, clock.instant());
        AuditEvent event = AuditEvent.of(actor, "server.update", "server", id, current.get(), updated);
        if (!store.updateServer(updated, expectedRevision, event)) {
            Server now = store.findServer(id).orElse(current.get());
            return new ServerWrite.Stale(id, expectedRevision, now.revision());
        }
        return new ServerWrite.Saved(updated, false);
    }

    public Optional<Server> server(String id) {
        return store.findServer(id);
    }

    /** A server by id, or by name when no id matches (CLI convenience). */
    public Optional<Server> serverByIdOrName(String idOrName) {
        return store.findServer(idOrName).or(() -> store.findServerByName(idOrName));
    }

    public Page<Server> servers(ServerQuery query) {
        return store.listServers(query);
    }

    /** Registers a version in the lifecycle's first stage. */
    public Registration register(String serverId, VersionSpec spec, Actor actor) {
        Optional<Server> server = store.findServer(serverId);
        if (server.isEmpty()) {
            return new Registration.ServerNotFound(serverId);
        }
        Version candidate = spec.parsedVersion();
        List<ServerVersion> existing = store.versionsOf(serverId, false);
        Optional<ServerVersion> same = existing.stream()
                .filter(v -> v.parsed().samePrecedence(candidate))
                .findFirst();
        if (same.isPresent()) {
            return new Registration.Duplicate(serverId, same.get().version());
        }
        ServerVersion version = newVersion(serverId, spec, previous(existing, candidate), actor);
        AuditEvent event =
                AuditEvent.of(actor, "version.register", "version", version.id(), null, version.withoutSurface());
        if (!store.insertVersion(version, event)) {
            return new Registration.Duplicate(serverId, spec.version());
        }
        LOG.atInfo()
                .addKeyValue("operation", "VERSION_REGISTER")
                .addKeyValue("serverId", serverId)
                .addKeyValue("version", version.version())
                .log("registered {} {}", server.get().name(), version.version());
        return new Registration.Registered(version);
    }

    /** Attaches an attestation to a version; empty when the version does not exist. */
    public Optional<Attestation> attest(String versionId, String kind, JsonNode value, Actor actor) {
        if (store.findVersion(versionId).isEmpty()) {
            return Optional.empty();
        }
        Attestation attestation = new Attestation(
                UlidCreator.getMonotonicUlid().toString(), versionId, kind, value, clock.instant(), actor.subject());
        store.insertAttestation(
                attestation, AuditEvent.of(actor, "version.attest", "version", versionId, null, attestation));
        return Optional.of(attestation);
    }

    public List<Attestation> attestations(String versionId) {
        return store.attestations(versionId);
    }

    public List<StoredGateReport> gateReports(String versionId) {
        return store.gateReports(versionId);
    }

    public Optional<ServerVersion> version(String versionId) {
        return store.findVersion(versionId);
    }

    /** A version of a server by its version string (build metadata ignored). */
    public Optional<ServerVersion> version(String serverId, String versionText) {
        Optional<Version> wanted = Version.tryParse(versionText);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return store.versionsOf(serverId, false).stream()
                .filter(v -> v.parsed().samePrecedence(wanted.get()))
                .findFirst()
                .flatMap(v -> store.findVersion(v.id()));
    }

    /** A server's versions, newest first by SemVer precedence, without surfaces. */
    public List<ServerVersion> versions(String serverId) {
        return store.versionsOf(serverId, false).stream().sorted(NEWEST_FIRST).toList();
    }

    /** Versions in any of these stages, across servers, without surfaces. */
    public List<ServerVersion> versionsIn(List<Stage> stages) {
        return stages.stream()
                .flatMap(stage -> store.versionsIn(stage).stream())
                .toList();
    }

    private static Optional<ServerVersion> previous(List<ServerVersion> existing, Version candidate) {
        return existing.stream()
                .filter(v -> v.parsed().compareTo(candidate) < 0)
                .max(Comparator.comparing(ServerVersion::parsed));
    }

    private ServerVersion newVersion(
            String serverId, VersionSpec spec, Optional<ServerVersion> previousLight, Actor actor) {
        Instant now = clock.instant();
        Optional<ServerVersion> previous = previousLight.flatMap(v -> store.findVersion(v.id()));
        Bump declared = previous.map(p -> Bump.declared(p.parsed(), spec.parsedVersion()))
                .orElse(null);
        return new ServerVersion(
                UlidCreator.getMonotonicUlid().toString(),
                serverId,
                spec.version(),
                LifecyclePolicy.standard().initial(),
                1,
                spec.changelog(),
                spec.securityUpdates(),
                spec.dependencies(),
                spec.surface(),
                spec.surface() == null ? null : CanonicalJson.sha256(spec.surface()),
                spec.artifact(),
                previous.map(ServerVersion::version).orElse(null),
                declared,
                previous.flatMap(p -> assess(p, spec)).orElse(null),
                now,
                actor.subject(),
                now);
    }

    /** The analyzer's verdict on {@code previous} → {@code spec}, when both have surfaces and it can judge. */
    private Optional<CompatAssessment> assess(ServerVersion previous, VersionSpec spec) {
        return assess(compat, previous, spec.version(), spec.surface());
    }

    static Optional<CompatAssessment> assess(
            CompatCheck compat, ServerVersion previous, String candidateVersion, @Nullable JsonNode candidateSurface) {
        if (previous.surface() == null || candidateSurface == null) {
            return Optional.empty();
        }
        Bump declared = Bump.declared(previous.parsed(), Version.parse(candidateVersion));
        return compat.requiredBump(
                        new CompatCheck.VersionSurface(previous.version(), previous.surface()),
                        new CompatCheck.VersionSurface(candidateVersion, candidateSurface))
                .map(r -> CompatAssessment.of(
                        r.analyzer(), previous.version(), r.bump(), declared, r.summary(), r.details()));
    }
}
