package dev.mcpver;

import dev.mcpver.migrate.EnvRequirement;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.TargetCatalog;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.registry.Artifact;
import dev.mcpver.registry.EnvironmentVariable;
import dev.mcpver.registry.PackageSpec;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.tools.DeploymentJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Deployable versions from two places: targets registered through the deployments API (which can carry a launch
 * spec, smoke calls and environment renames) win; otherwise a version of the registry whose artifact mcpver can
 * install — a local archive, or an {@code npm:} package — becomes a target with the registry's SHA-256, its
 * registered surface and the required environment variables of the server's packages. The deployment keeps its own
 * launch spec. Registry versions whose artifact is something else (a single file, a non-npm package) are not
 * deployable here and are left out rather than guessed at.
 */
final class RegistryTargets implements TargetCatalog {
    private static final String NPM_PREFIX = "npm:";

    private final TargetCatalog registered;
    private final RegistryService registry;
    private final Path home;

    RegistryTargets(TargetCatalog registered, RegistryService registry, Path home) {
        this.registered = registered;
        this.registry = registry;
        this.home = home;
    }

    @Override
    public Optional<TargetRelease> find(String server, String version) {
        return registered.find(server, version).or(() -> fromRegistry(server, version));
    }

    @Override
    public List<TargetRelease> versions(String server) {
        Map<String, TargetRelease> byVersion = new LinkedHashMap<>();
        registryServer(server)
                .ifPresent(s -> registry.versions(s.id())
                        .forEach(v -> target(server, s, v).ifPresent(t -> byVersion.put(t.version(), t))));
        registered.versions(server).forEach(t -> byVersion.put(t.version(), t));
        return new ArrayList<>(byVersion.values());
    }

    private Optional<TargetRelease> fromRegistry(String server, String version) {
        return registryServer(server)
                .flatMap(s -> registry.version(s.id(), version).flatMap(v -> target(server, s, v)));
    }

    private Optional<Server> registryServer(String server) {
        return registry.serverByIdOrName(server);
    }

    private Optional<TargetRelease> target(String name, Server server, ServerVersion version) {
        return artifact(version.artifact())
                .map(artifact -> new TargetRelease(
                        name,
                        version.version(),
                        artifact,
                        null,
                        requiredEnv(server),
                        surface(name, version),
                        List.of()));
    }

    private Optional<ArtifactRef> artifact(Artifact artifact) {
        String location = artifact.location();
        if (artifact.kind().equals("package") && location.startsWith(NPM_PREFIX)) {
            return Optional.of(new ArtifactRef(
                    ArtifactRef.Kind.NPM, location.substring(NPM_PREFIX.length()), artifact.sha256(), null));
        }
        boolean archive = location.toLowerCase(Locale.ROOT).matches(".*\\.(tar\\.gz|tgz|zip)$");
        if (artifact.local() && archive) {
            return Optional.of(ArtifactRef.archive(home.resolve(location).toString(), artifact.sha256()));
        }
        return Optional.empty();
    }

    private static List<EnvRequirement> requiredEnv(Server server) {
        List<EnvRequirement> required = new ArrayList<>();
        for (PackageSpec pkg : server.spec().packages()) {
            for (EnvironmentVariable variable : pkg.environmentVariables()) {
                if (variable.isRequired()
                        && required.stream().noneMatch(r -> r.name().equals(variable.name()))) {
                    required.add(new EnvRequirement(variable.name(), null, variable.defaultValue()));
                }
            }
        }
        return required;
    }

    private static @Nullable ServerSurface surface(String name, ServerVersion version) {
        if (version.surface() == null || !version.surface().isObject()) {
            return null;
        }
        try {
            return DeploymentJson.surface(version.surface(), name, version.version());
        } catch (IllegalArgumentException e) {
            return null; // a surface the migration cannot compare is treated as not registered (a warned skip)
        }
    }
}
