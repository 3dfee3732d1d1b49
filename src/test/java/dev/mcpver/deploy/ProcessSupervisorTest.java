package dev.mcpver.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.fixtures.Fixtures;
import dev.mcpver.json.Json;
import dev.mcpver.migrate.Expectation;
import dev.mcpver.migrate.ServerHandle;
import dev.mcpver.migrate.ServerStartException;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.SmokeCall;
import dev.mcpver.migrate.SmokeResult;
import dev.mcpver.migrate.ToolShape;
import dev.mcpver.rollback.ConfigEntry;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.store.SqlProcessJournal;
import dev.mcpver.testing.TestDatabases;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor and the MCP probe against real fixture server processes. */
class ProcessSupervisorTest {
    private static final DeploymentId ID = new DeploymentId("fixture", "test");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    HomeLayout layout;
    SqlProcessJournal journal;
    ProcessSupervisor supervisor;
    McpProbe probe;
    String marker;

    @BeforeEach
    void setUp() {
        layout = new HomeLayout(temp.resolve("home"));
        journal = new SqlProcessJournal(TestDatabases.sqlite(temp.resolve("db")));
        supervisor = supervisor(journal);
        probe = new McpProbe(supervisor, Json.mapper());
        marker = UlidCreator.getMonotonicUlid().toString();
    }

    private ProcessSupervisor supervisor(SqlProcessJournal processes) {
        return new ProcessSupervisor(
                layout,
                new SecretResolver(Map.of("PATH", System.getenv("PATH"), "FIX_SECRET", "s3cr3t")),
                processes,
                new JacksonMcpJsonMapper(Json.create()),
                Clock.systemUTC(),
                () -> UlidCreator.getMonotonicUlid().toString(),
                true);
    }

    @AfterEach
    void tearDown() {
        supervisor.close();
    }

    @Test
    void should_start_a_stdio_server_snapshot_its_surface_and_run_smoke_calls() {
        Fixtures.release(layout.release(ID, "1.0.0"), "1.0.0", "echo,add,status", "ok");

        ServerHandle handle =
                supervisor.start(ID, ServerHandle.Role.CANDIDATE, "1.0.0", Fixtures.stdioLaunch(marker), List.of());
        ServerSurface surface = probe.snapshot(handle, TIMEOUT);
        SmokeResult status = probe.call(
                handle,
                new SmokeCall(
                        "status",
                        "{}",
                        List.of(Expectation.notError(), Expectation.jsonEquals("/version", "\"1.0.0\""))),
                TIMEOUT);
        SmokeResult wrong = probe.call(
                handle,
                new SmokeCall("add", "{\"a\":1,\"b\":2}", List.of(Expectation.jsonEquals("/sum", "4"))),
                TIMEOUT);

        assertThat(surface.serverName()).isEqualTo("fixture");
        assertThat(surface.serverVersion()).isEqualTo("1.0.0");
        assertThat(surface.tools()).extracting(ToolShape::name).containsExactly("add", "echo", "status");
        assertThat(surface.tools()).allMatch(ToolShape::readOnly);
        assertThat(status.passed()).isTrue();
        assertThat(wrong.failures()).singleElement().asString().contains("/sum equals 4");
        assertThat(Fixtures.liveProcesses(marker)).isEqualTo(1);

        supervisor.stop(ID, ServerHandle.Role.CANDIDATE);
        assertThat(Fixtures.liveProcesses(marker)).isZero();
        assertThat(journal.all()).isEmpty();
    }

    @Test
    void should_report_the_exit_code_and_stderr_of_a_server_that_crashes_at_start() {
        Fixtures.release(layout.release(ID, "9.9.9"), "9.9.9", "echo", "crash");

        assertThatThrownBy(() -> supervisor.start(
                        ID, ServerHandle.Role.CANDIDATE, "9.9.9", Fixtures.stdioLaunch(marker), List.of()))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("exited with code 4")
                .hasMessageContaining("crashing at start by design");
        assertThat(supervisor.running(ID, ServerHandle.Role.CANDIDATE)).isEmpty();
        assertThat(journal.all()).isEmpty();
    }

    @Test
    void should_pass_configuration_and_resolved_secrets_but_not_mcpver_environment() {
        Fixtures.release(layout.release(ID, "1.0.0"), "1.0.0", "status", "ok", "requireEnv=FIXTURE_TOKEN");

        assertThatThrownBy(() -> supervisor.start(
                        ID, ServerHandle.Role.RESIDENT, "1.0.0", Fixtures.stdioLaunch(marker), List.of()))
                .hasMessageContaining("FIXTURE_TOKEN is not set");
        assertThatThrownBy(() -> supervisor.start(
                        ID,
                        ServerHandle.Role.RESIDENT,
                        "1.0.0",
                        Fixtures.stdioLaunch(marker),
                        List.of(ConfigEntry.secret("FIXTURE_TOKEN", "env:NOT_THERE"))))
                .hasMessageContaining("secret env:NOT_THERE cannot be resolved");

        ServerHandle handle = supervisor.start(
                ID,
                ServerHandle.Role.RESIDENT,
                "1.0.0",
                Fixtures.stdioLaunch(marker),
                List.of(ConfigEntry.secret("FIXTURE_TOKEN", "env:FIX_SECRET")));
        assertThat(handle.role()).isEqualTo(ServerHandle.Role.RESIDENT);
    }

    @Test
    void should_speak_streamable_http_to_a_server_on_a_port_it_picked() {
        Fixtures.release(layout.release(ID, "1.0.0"), "1.0.0", "echo,status", "ok", "transport=http");

        ServerHandle handle =
                supervisor.start(ID, ServerHandle.Role.CANDIDATE, "1.0.0", Fixtures.httpLaunch(marker), List.of());

        assertThat(handle.url()).matches("http://127\\.0\\.0\\.1:\\d+/mcp");
        assertThat(probe.snapshot(handle, TIMEOUT).tools())
                .extracting(ToolShape::name)
                .containsExactly("echo", "status");
        assertThat(probe.call(
                                handle,
                                new SmokeCall("echo", "{\"text\":\"hi\"}", List.of(Expectation.textContains("hi"))),
                                TIMEOUT)
                        .passed())
                .isTrue();
    }

    @Test
    void should_promote_a_candidate_and_stop_the_previous_resident() {
        Fixtures.release(layout.release(ID, "1.0.0"), "1.0.0", "status", "ok");
        Fixtures.release(layout.release(ID, "1.1.0"), "1.1.0", "status", "ok");
        supervisor.start(ID, ServerHandle.Role.RESIDENT, "1.0.0", Fixtures.stdioLaunch(marker), List.of());
        supervisor.start(ID, ServerHandle.Role.CANDIDATE, "1.1.0", Fixtures.stdioLaunch(marker), List.of());
        assertThat(Fixtures.liveProcesses(marker)).isEqualTo(2);

        ServerHandle promoted = supervisor.promote(ID);

        assertThat(promoted.role()).isEqualTo(ServerHandle.Role.RESIDENT);
        assertThat(probe.snapshot(promoted, TIMEOUT).serverVersion()).isEqualTo("1.1.0");
        assertThat(supervisor.running(ID, ServerHandle.Role.CANDIDATE)).isEmpty();
        assertThat(Fixtures.liveProcesses(marker)).isEqualTo(1);
        assertThat(journal.all())
                .singleElement()
                .extracting(ProcessJournal.Entry::role)
                .isEqualTo("resident");
    }

    @Test
    void should_reap_processes_a_crashed_supervisor_left_behind() {
        Fixtures.release(layout.release(ID, "1.0.0"), "1.0.0", "status", "ok", "transport=http");
        supervisor.start(ID, ServerHandle.Role.RESIDENT, "1.0.0", Fixtures.httpLaunch(marker), List.of());
        // a new supervisor over the same journal: the first one "crashed" without stopping its process
        ProcessSupervisor restarted = supervisor(journal);

        assertThat(restarted.reapOrphans()).isEqualTo(1);

        assertThat(Fixtures.liveProcesses(marker)).isZero();
        assertThat(journal.all()).isEmpty();
    }
}
