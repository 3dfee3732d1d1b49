package dev.mcpver.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.ConfigException;
import dev.mcpver.RegistryWiring;
import dev.mcpver.abtest.Action;
import dev.mcpver.abtest.Analysis;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.ExperimentStatus;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerQuery;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.registry.StoredGateReport;
import dev.mcpver.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The demo data set loaded once into a temporary SQLite database, checked (read-only) through the real services. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoLoaderTest {
    @TempDir
    static Path directory;

    private App app;
    private DemoSummary summary;
    private RegistryWiring wiring;

    @BeforeAll
    void load() {
        Path home = directory.resolve("home");
        app = new App(AppConfig.load(
                Map.of(), Map.of("port", "0", "db", TestDatabases.sqliteUrl(directory), "home", home.toString())));
        summary = DemoLoader.load(app.database(), home, app.agent().traces(), Clock.systemUTC(), new Random(7));
        wiring = new RegistryWiring(app.database(), Clock.systemUTC(), home);
    }

    @AfterAll
    void close() {
        app.close();
    }

    @Test
    void should_register_reference_servers_with_real_surfaces_in_several_stages_when_loaded() {
        RegistryService registry = wiring.registry();
        List<String> names = registry.servers(ServerQuery.all()).items().stream()
                .map(Server::name)
                .toList();
        assertThat(names).containsExactlyInAnyOrder("filesystem", "everything", "memory");
        assertThat(summary.versions()).isEqualTo(11);

        Map<String, Stage> filesystem = stages("filesystem");
        assertThat(filesystem)
                .containsEntry("2025.8.21", Stage.DEPRECATED)
                .containsEntry("2026.1.14", Stage.PRODUCTION)
                .containsEntry("2026.7.4", Stage.STAGING)
                .containsEntry("2026.8.31", Stage.STAGING);
        assertThat(stages("everything"))
                .containsEntry("2025.11.25", Stage.ARCHIVED)
                .containsEntry("2026.1.14", Stage.TESTING)
                .containsEntry("2026.1.26", Stage.DEVELOPMENT);
        assertThat(version("filesystem", "2026.8.31").surface().path("tools").size())
                .isGreaterThan(10);
    }

    @Test
    void should_show_a_refused_promotion_and_signed_production_versions_when_loaded() {
        ServerVersion refused = version("filesystem", "2026.8.31");
        assertThat(summary.refusedPromotions())
                .singleElement()
                .asString()
                .startsWith("filesystem 2026.8.31 → production")
                .contains("signature", "compatibility");
        assertThat(wiring.registry().gateReports(refused.id()))
                .singleElement()
                .extracting(StoredGateReport::passed)
                .isEqualTo(false);
        assertThat(refused.compat().underBumped()).isTrue();

        ServerVersion production = version("filesystem", "2026.1.14");
        assertThat(wiring.signing().verify(production.id()).orElseThrow().valid())
                .isTrue();
        assertThat(wiring.registry().gateReports(production.id()))
                .extracting(StoredGateReport::passed)
                .containsExactly(true);
    }

    @Test
    void should_run_an_experiment_with_enough_data_to_decide_when_loaded() {
        ExperimentService experiments = App.experiments(app.database(), Clock.systemUTC());
        Experiment experiment = experiments.get(summary.experimentId());
        assertThat(experiment.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(experiments.summary(experiment.id()).samples().values()).allMatch(n -> n >= 1500);
        Analysis analysis = experiments.analysis(experiment.id());
        assertThat(analysis.metrics()).hasSize(2);
        assertThat(analysis.decision().action()).isEqualTo(Action.PROMOTE);
    }

    @Test
    void should_import_every_recorded_conversation_when_loaded() throws IOException {
        long files;
        try (Stream<Path> list = Files.list(Path.of("conversations"))) {
            files = list.filter(f -> f.toString().endsWith(".json")).count();
        }
        assertThat(summary.conversations()).isEqualTo((int) files).isPositive();
        assertThat(app.agent().traces().conversations(100, 0).path("conversations"))
                .hasSize((int) files);
    }

    @Test
    void should_recreate_the_demo_database_and_refuse_another_one_when_serving_the_demo() throws IOException {
        Path home = directory.resolve("demo-home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("demo.db"), "old demo");
        Files.writeString(home.resolve("demo.db-wal"), "old wal");

        Map<String, String> flags = DemoMode.flags(home, Map.of("port", "0"));

        assertThat(flags).containsEntry("db", home.resolve("demo.db").toString());
        assertThat(home.resolve("demo.db")).doesNotExist();
        assertThat(home.resolve("demo.db-wal")).doesNotExist();
        assertThatThrownBy(() -> DemoMode.flags(home, Map.of("db", "data/mcpver.db")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("leave out --db");
    }

    private Map<String, Stage> stages(String serverName) {
        Server server = server(serverName);
        return wiring.registry().versions(server.id()).stream()
                .collect(Collectors.toMap(ServerVersion::version, ServerVersion::stage));
    }

    private ServerVersion version(String serverName, String number) {
        return wiring.registry().version(server(serverName).id(), number).orElseThrow();
    }

    private Server server(String name) {
        return wiring.registry().servers(ServerQuery.all()).items().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
