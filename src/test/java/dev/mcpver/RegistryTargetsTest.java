package dev.mcpver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.migrate.EnvRequirement;
import dev.mcpver.migrate.TargetCatalog;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.migrate.ToolShape;
import dev.mcpver.registry.Artifact;
import dev.mcpver.registry.EnvironmentVariable;
import dev.mcpver.registry.LaunchSpec;
import dev.mcpver.registry.PackageSpec;
import dev.mcpver.registry.ServerSpec;
import dev.mcpver.registry.ServerWrite;
import dev.mcpver.registry.VersionSpec;
import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTargetsTest {
    private static final String SHA = "cd".repeat(32);
    private static final Actor ACTOR = new Actor(new Caller("op", Role.OPERATOR), "test");

    @TempDir
    Path directory;

    private RegistryWiring wiring;
    private final TargetRelease registeredTwoZero = new TargetRelease(
            "files", "2.0.0", ArtifactRef.directory("/srv/files-2.0.0"), null, List.of(), null, List.of());

    @BeforeEach
    void registerVersions() {
        wiring = new RegistryWiring(TestDatabases.sqlite(directory.resolve("db")), Clock.systemUTC(), directory);
        PackageSpec npm = new PackageSpec(
                "npm",
                "@acme/files",
                null,
                "stdio",
                List.of(
                        new EnvironmentVariable("FILES_ROOT", "root", true, false, "/data", List.of()),
                        new EnvironmentVariable("FILES_DEBUG", "", false, false, null, List.of())));
        String serverId = ((ServerWrite.Saved) wiring.registry()
                        .createServer(
                                new ServerSpec(
                                        "files",
                                        "",
                                        null,
                                        List.of(),
                                        "team",
                                        null,
                                        LaunchSpec.stdio("node", List.of()),
                                        List.of(npm),
                                        List.of()),
                                ACTOR))
                .server()
                .id();
        register(serverId, "1.0.0", new Artifact("archive", "artifacts/files-1.0.0.tar.gz", SHA));
        register(serverId, "1.1.0", new Artifact("package", "npm:@acme/files@1.1.0", SHA));
        register(serverId, "1.2.0", new Artifact("path", "artifacts/files-1.2.0.jar", SHA));
        register(serverId, "2.0.0", new Artifact("package", "npm:@acme/files@2.0.0", SHA));
    }

    private void register(String serverId, String version, Artifact artifact) {
        wiring.registry()
                .register(
                        serverId,
                        new VersionSpec(
                                version,
                                "",
                                List.of(),
                                Map.of(),
                                Json.read("{\"serverInfo\":{\"name\":\"files\",\"version\":\"" + version
                                        + "\"},\"tools\":[{\"name\":\"read\",\"inputSchema\":{\"type\":\"object\"},"
                                        + "\"annotations\":{\"readOnlyHint\":true}}]}"),
                                artifact),
                        ACTOR);
    }

    private TargetCatalog catalog() {
        TargetCatalog registered = new TargetCatalog() {
            @Override
            public Optional<TargetRelease> find(String server, String version) {
                return version.equals("2.0.0") ? Optional.of(registeredTwoZero) : Optional.empty();
            }

            @Override
            public List<TargetRelease> versions(String server) {
                return List.of(registeredTwoZero);
            }
        };
        return new RegistryTargets(registered, wiring.registry(), directory);
    }

    @Test
    void should_offer_a_registered_archive_with_its_digest_surface_and_required_environment() {
        TargetRelease target = catalog().find("files", "1.0.0").orElseThrow();

        assertThat(target.artifact().kind()).isEqualTo(ArtifactRef.Kind.ARCHIVE);
        assertThat(target.artifact().location())
                .isEqualTo(directory.resolve("artifacts/files-1.0.0.tar.gz").toString());
        assertThat(target.artifact().sha256()).isEqualTo(SHA);
        assertThat(target.launch()).isNull();
        assertThat(target.requiredEnv()).containsExactly(new EnvRequirement("FILES_ROOT", null, "/data"));
        assertThat(target.surface()).isNotNull();
        assertThat(target.surface().tools())
                .extracting(ToolShape::name, ToolShape::readOnly)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("read", true));
    }

    @Test
    void should_install_npm_packages_by_spec_and_leave_out_what_it_cannot_install() {
        TargetRelease npm = catalog().find("files", "1.1.0").orElseThrow();

        assertThat(npm.artifact().kind()).isEqualTo(ArtifactRef.Kind.NPM);
        assertThat(npm.artifact().location()).isEqualTo("@acme/files@1.1.0");
        assertThat(catalog().find("files", "1.2.0")).isEmpty();
        assertThat(catalog().find("unknown", "1.0.0")).isEmpty();
    }

    @Test
    void should_prefer_targets_registered_through_the_deployments_api() {
        assertThat(catalog().find("files", "2.0.0")).contains(registeredTwoZero);
        assertThat(catalog().versions("files"))
                .extracting(TargetRelease::version)
                .containsExactlyInAnyOrder("1.0.0", "1.1.0", "2.0.0");
        assertThat(catalog().versions("files"))
                .filteredOn(t -> t.version().equals("2.0.0"))
                .containsExactly(registeredTwoZero);
    }
}
