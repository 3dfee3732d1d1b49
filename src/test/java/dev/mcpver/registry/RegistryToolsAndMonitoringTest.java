package dev.mcpver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.monitoring.Alert;
import dev.mcpver.monitoring.HealthSample;
import dev.mcpver.testing.TestDatabases;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolContext;
import dev.mcpver.tools.ToolOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryToolsAndMonitoringTest {
    @TempDir
    Path directory;

    final Map<String, Long> adoption = new HashMap<>();
    final Map<String, HealthSample> health = new HashMap<>();
    RegistryFixture fixture;
    ToolCatalog catalog;
    Server server;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(
                TestDatabases.sqlite(directory),
                directory,
                CompatCheck.identicalSurfacesOnly(),
                id -> Optional.ofNullable(health.get(id)),
                () -> Map.copyOf(adoption));
        fixture.importUnrelatedAdvisory();
        catalog = new ToolCatalog(fixture.wiring.tools().all());
        server = fixture.server("weather");
    }

    private ToolOutcome call(String tool, String args, Role role) {
        return catalog.call(tool, Json.read(args), ToolContext.of(new Caller("agent", role), "req"));
    }

    private JsonNode ok(String tool, String args) {
        ToolOutcome outcome = call(tool, args, Role.VIEWER);
        assertThat(outcome).as(tool + " " + outcome).isInstanceOf(ToolOutcome.Ok.class);
        JsonNode result = ((ToolOutcome.Ok) outcome).result();
        assertThat(catalog.validateOutput(tool, result)).isEmpty();
        return result;
    }

    @Test
    void should_answer_read_only_registry_questions_through_the_catalog() {
        fixture.readyForProduction(server, "1.0.0", RegistryFixture.SURFACE);

        assertThat(ok("registry_list_servers", "{\"category\":\"weather\"}")
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(ok("registry_get_server", "{\"server\":\"weather\"}")
                        .at("/versions/0/stage")
                        .asText())
                .isEqualTo("staging");
        assertThat(ok("registry_list_versions", "{\"server\":\"weather\",\"stage\":\"staging\"}")
                        .get("items"))
                .hasSize(1);
        assertThat(ok("registry_get_version", "{\"server\":\"weather\",\"version\":\"1.0.0\"}")
                        .get("attestations"))
                .hasSize(2);
        assertThat(ok("registry_check_gates", "{\"server\":\"weather\",\"version\":\"1.0.0\"}")
                        .get("passed")
                        .asBoolean())
                .isTrue();
        assertThat(ok("registry_verify_signatures", "{\"server\":\"weather\",\"version\":\"1.0.0\"}")
                        .get("valid")
                        .asBoolean())
                .isTrue();
        assertThat(ok("registry_vulnerabilities", "{}").get("items")).isEmpty();
        assertThat(ok("registry_alerts", "{}").get("items")).isEmpty();
        assertThat(call("registry_get_version", "{\"server\":\"weather\",\"version\":\"9.0.0\"}", Role.VIEWER))
                .isEqualTo(ToolOutcome.failed(
                        "not_found", "no version 9.0.0 of server weather; registry_list_versions lists them"));
    }

    @Test
    void should_move_a_version_through_the_tool_only_for_a_confirmed_operator() {
        ServerVersion staged = fixture.readyForProduction(server, "1.0.0", RegistryFixture.SURFACE);
        String args = "{\"server\":\"weather\",\"version\":\"1.0.0\",\"to\":\"production\"}";

        ToolOutcome viewer = catalog.call(
                "registry_transition_version",
                Json.read(args),
                ToolContext.of(new Caller("v", Role.VIEWER), "r").confirm());
        ToolOutcome unconfirmed = call("registry_transition_version", args, Role.OPERATOR);
        ToolOutcome confirmed = catalog.call(
                "registry_transition_version",
                Json.read(args),
                ToolContext.of(new Caller("op", Role.OPERATOR), "r").confirm());

        assertThat(((ToolOutcome.Failed) viewer).code()).isEqualTo("forbidden");
        assertThat(((ToolOutcome.Failed) unconfirmed).code()).isEqualTo("confirmation_required");
        assertThat(confirmed.ok()).isTrue();
        assertThat(fixture.wiring.registry().version(staged.id()).orElseThrow().stage())
                .isEqualTo(Stage.PRODUCTION);
    }

    @Test
    void should_alert_on_sprawl_deprecated_versions_in_use_and_unhealthy_production_versions() {
        List<ServerVersion> production = List.of("1.0.0", "1.1.0", "1.2.0").stream()
                .map(v -> fixture.readyForProduction(server, v, RegistryFixture.SURFACE))
                .toList();
        production.forEach(v -> fixture.move(v.id(), Stage.PRODUCTION));
        ServerVersion old = fixture.readyForProduction(server, "0.9.0", RegistryFixture.SURFACE);
        fixture.move(old.id(), Stage.PRODUCTION);
        fixture.move(old.id(), Stage.DEPRECATED);
        adoption.put(old.id(), 4L);
        health.put(production.get(2).id(), new HealthSample(1000, 120, 40, 250, Instant.EPOCH, Instant.EPOCH));
        health.put(production.get(1).id(), new HealthSample(1000, 2, 40, 250, Instant.EPOCH, Instant.EPOCH));

        List<Alert> alerts = fixture.wiring.monitoring().alerts();

        assertThat(alerts)
                .extracting(Alert::kind)
                .containsExactlyInAnyOrder("version-sprawl", "deprecated-in-use", "unhealthy-version");
        assertThat(alerts.get(0).severity()).isEqualTo("critical");
        assertThat(alerts)
                .filteredOn(a -> a.kind().equals("unhealthy-version"))
                .singleElement()
                .satisfies(a -> assertThat(a.version()).isEqualTo("1.2.0"));
        assertThat(fixture.wiring
                        .monitoring()
                        .health(production.get(1).id())
                        .orElseThrow()
                        .status())
                .isEqualTo("healthy");
        assertThat(fixture.wiring.monitoring().adoption(server.id()))
                .filteredOn(h -> h.consumers() > 0)
                .singleElement()
                .satisfies(h -> assertThat(h.version()).isEqualTo("0.9.0"));
    }

    @Test
    void should_alert_on_a_vulnerable_production_version() {
        ServerVersion v = fixture.readyForProduction(server, "1.0.0", RegistryFixture.SURFACE);
        fixture.move(v.id(), Stage.PRODUCTION);
        fixture.wiring.advisories().importDocuments(Map.of("x", Json.read("""
                {"id":"GHSA-weather","affected":[{"package":{"ecosystem":"npm","name":"@acme/weather"},
                  "versions":["1.0.0"]}]}""")), RegistryFixture.ADMIN);

        assertThat(fixture.wiring.monitoring().alerts())
                .extracting(Alert::kind)
                .containsExactly("vulnerable-in-production");
        assertThat(ok("registry_vulnerabilities", "{\"server\":\"weather\"}")
                        .at("/items/0/hits/0/via")
                        .asText())
                .isEqualTo("version");
    }
}
