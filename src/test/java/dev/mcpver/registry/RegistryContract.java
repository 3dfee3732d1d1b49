package dev.mcpver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry and lifecycle on a real database; subclasses supply SQLite or PostgreSQL. */
abstract class RegistryContract {
    @TempDir
    Path home;

    RegistryFixture fixture;
    ExecutorService pool;

    abstract Database freshDatabase();

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(freshDatabase(), home, CompatCheck.identicalSurfacesOnly());
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private ServerVersion register(Server server, String version) {
        return fixture.register(
                server,
                fixture.versionSpec(
                        version, Map.of(), null, new Artifact("package", "npm:x@" + version, "ab".repeat(32))));
    }

    @Test
    void should_order_versions_by_semver_precedence_not_by_text() {
        Server server = fixture.server("weather");
        for (String v : List.of("1.9.0", "1.10.0", "1.9.0-rc.1", "0.9.1", "2.0.0-alpha")) {
            register(server, v);
        }

        List<String> ordered = fixture.wiring.registry().versions(server.id()).stream()
                .map(ServerVersion::version)
                .toList();

        assertThat(ordered).containsExactly("2.0.0-alpha", "1.10.0", "1.9.0", "1.9.0-rc.1", "0.9.1");
    }

    @Test
    void should_record_the_previous_version_and_the_declared_bump() {
        Server server = fixture.server("weather");
        register(server, "1.0.0");
        register(server, "2.0.0");

        ServerVersion between = register(server, "1.1.0");
        ServerVersion pre = register(server, "0.3.0");

        assertThat(between.previousVersion()).isEqualTo("1.0.0");
        assertThat(between.declaredBump()).isEqualTo(Bump.MINOR);
        assertThat(pre.previousVersion()).isNull();
        assertThat(pre.declaredBump()).isNull();
    }

    @Test
    void should_refuse_a_second_version_of_equal_precedence() {
        Server server = fixture.server("weather");
        register(server, "1.0.0+build.1");

        Registration again = fixture.wiring
                .registry()
                .register(
                        server.id(),
                        fixture.versionSpec(
                                "1.0.0+build.2", Map.of(), null, new Artifact("package", "npm:x", "ab".repeat(32))),
                        RegistryFixture.OPERATOR);

        assertThat(again).isEqualTo(new Registration.Duplicate(server.id(), "1.0.0+build.1"));
    }

    @Test
    void should_filter_and_page_servers() {
        for (int i = 0; i < 5; i++) {
            fixture.server("srv-" + i);
        }
        ServerSpec other = new ServerSpec(
                "tools-x",
                "files",
                "filesystem",
                List.of("fs", "local"),
                "team-b",
                null,
                LaunchSpec.http("https://mcp.example.com/mcp"),
                List.of(),
                List.of());
        fixture.wiring.registry().createServer(other, RegistryFixture.OPERATOR);

        Page<Server> page = fixture.wiring.registry().servers(new ServerQuery("weather", null, null, null, 2, 2));
        Page<Server> tagged = fixture.wiring.registry().servers(new ServerQuery(null, "fs", null, null, 0, 10));
        Page<Server> text = fixture.wiring.registry().servers(new ServerQuery(null, null, null, "FILES", 0, 10));

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(Server::name).containsExactly("srv-2", "srv-3");
        assertThat(tagged.items()).extracting(Server::name).containsExactly("tools-x");
        assertThat(text.items()).extracting(Server::name).containsExactly("tools-x");
    }

    @Test
    void should_refuse_a_stale_update_and_a_taken_name() {
        Server server = fixture.server("weather");
        fixture.server("other");

        ServerWrite ok = fixture.wiring
                .registry()
                .updateServer(server.id(), RegistryFixture.spec("weather2"), 1, RegistryFixture.OPERATOR);
        ServerWrite stale = fixture.wiring
                .registry()
                .updateServer(server.id(), RegistryFixture.spec("weather3"), 1, RegistryFixture.OPERATOR);
        ServerWrite taken = fixture.wiring
                .registry()
                .updateServer(server.id(), RegistryFixture.spec("other"), 2, RegistryFixture.OPERATOR);

        assertThat(ok).isInstanceOf(ServerWrite.Saved.class);
        assertThat(stale).isEqualTo(new ServerWrite.Stale(server.id(), 1, 2));
        assertThat(taken).isEqualTo(new ServerWrite.NameTaken("other"));
        assertThat(fixture.wiring.registry().server(server.id()).orElseThrow().name())
                .isEqualTo("weather2");
    }

    @Test
    void should_let_exactly_one_of_two_operators_promote_the_same_version_at_once() throws Exception {
        fixture.importUnrelatedAdvisory();
        Server server = fixture.server("weather");
        Actor alice = new Actor(new Caller("token:alice", Role.OPERATOR), "req-alice");
        Actor bob = new Actor(new Caller("token:bob", Role.OPERATOR), "req-bob");
        for (int round = 0; round < 5; round++) {
            ServerVersion staged = fixture.readyForProduction(server, "1." + round + ".0", RegistryFixture.SURFACE);

            List<TransitionOutcome> outcomes = race(
                    () -> fixture.move(staged.id(), Stage.PRODUCTION, alice),
                    () -> fixture.move(staged.id(), Stage.PRODUCTION, bob));

            assertThat(outcomes)
                    .filteredOn(o -> o instanceof TransitionOutcome.Moved)
                    .hasSize(1);
            assertThat(outcomes)
                    .filteredOn(o -> !(o instanceof TransitionOutcome.Moved))
                    .singleElement()
                    .isInstanceOfAny(TransitionOutcome.Conflict.class, TransitionOutcome.NotAllowed.class);
            ServerVersion after = fixture.wiring.registry().version(staged.id()).orElseThrow();
            assertThat(after.stage()).isEqualTo(Stage.PRODUCTION);
            assertThat(after.revision()).isEqualTo(staged.revision() + 1);
        }
        assertThat(fixture.wiring.audit().verify().valid()).isTrue();
    }

    @Test
    void should_register_a_version_once_when_two_clients_race() throws Exception {
        Server server = fixture.server("weather");
        VersionSpec spec =
                fixture.versionSpec("3.0.0", Map.of(), null, new Artifact("package", "npm:x", "ab".repeat(32)));

        List<Registration> outcomes = race(
                () -> fixture.wiring.registry().register(server.id(), spec, RegistryFixture.OPERATOR),
                () -> fixture.wiring.registry().register(server.id(), spec, RegistryFixture.OPERATOR));

        assertThat(outcomes)
                .filteredOn(o -> o instanceof Registration.Registered)
                .hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Registration.Duplicate)
                .hasSize(1);
        assertThat(fixture.wiring.registry().versions(server.id())).hasSize(1);
    }

    @Test
    void should_store_rules_keys_and_advisories_with_their_audit_entries() {
        var rule = fixture.wiring
                .compliance()
                .add(
                        new dev.mcpver.compliance.RuleSpec(
                                "changelog", "category", "weather", "high", "size(version.changelog) > 0", "write one"),
                        RegistryFixture.ADMIN);
        String advisory = "{\"id\":\"GHSA-x\",\"modified\":\"%s\",\"affected\":[{\"package\":{\"name\":\"Zod\"},"
                + "\"versions\":[\"3.0.0\"]}]}";
        var first = fixture.wiring
                .advisories()
                .importDocuments(
                        Map.of(
                                "a",
                                dev.mcpver.json.Json.read(
                                        String.format(java.util.Locale.ROOT, advisory, "2026-01-01"))),
                        RegistryFixture.ADMIN);
        var same = fixture.wiring
                .advisories()
                .importDocuments(
                        Map.of(
                                "a",
                                dev.mcpver.json.Json.read(
                                        String.format(java.util.Locale.ROOT, advisory, "2026-01-01"))),
                        RegistryFixture.ADMIN);
        var newer = fixture.wiring
                .advisories()
                .importDocuments(
                        Map.of(
                                "a",
                                dev.mcpver.json.Json.read(
                                        String.format(java.util.Locale.ROOT, advisory, "2026-02-01"))),
                        RegistryFixture.ADMIN);

        assertThat(fixture.wiring.compliance().disable(rule.id(), RegistryFixture.ADMIN))
                .isPresent();
        assertThat(fixture.wiring.compliance().disable(rule.id(), RegistryFixture.ADMIN))
                .isEmpty();
        assertThat(fixture.wiring.compliance().rules())
                .singleElement()
                .satisfies(r -> assertThat(r.enabled()).isFalse());
        assertThat(List.of(first.inserted(), same.unchanged(), newer.updated())).containsExactly(1, 1, 1);
        assertThat(fixture.wiring.advisories().find("GHSA-x").orElseThrow().packageNames())
                .containsExactly("zod");
        assertThat(fixture.wiring.signing().keys())
                .singleElement()
                .satisfies(k -> assertThat(k.active()).isTrue());
        assertThat(fixture.wiring.signing().revokeKey("release", RegistryFixture.ADMIN))
                .isPresent();
        assertThat(fixture.wiring.audit().page(new dev.mcpver.audit.AuditQuery(0, 100, null, null, null)))
                .extracting(dev.mcpver.audit.AuditEntry::action)
                .containsExactly(
                        "key.register",
                        "rule.create",
                        "advisory.import",
                        "advisory.import",
                        "rule.disable",
                        "key.revoke");
        assertThat(fixture.wiring.audit().verify().valid()).isTrue();
    }

    private <T> List<T> race(Callable<T> first, Callable<T> second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
