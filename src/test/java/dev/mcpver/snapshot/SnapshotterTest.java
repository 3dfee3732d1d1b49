package dev.mcpver.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.compat.CompatAnalyzer;
import dev.mcpver.compat.CompatReport;
import dev.mcpver.compat.Policy;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshots of real MCP server processes: SDK-based fixtures over stdio and HTTP, and misbehaving scripted ones. */
class SnapshotterTest {
    private final Snapshotter snapshotter = Fixtures.snapshotter();

    @Test
    void should_capture_every_list_and_the_accepted_revisions_when_snapshotting_an_sdk_server_over_stdio() {
        Surface surface = snapshotter.snapshot(
                Fixtures.fixture("v1"), SnapshotOptions.defaults().withPackage(null, "1.0.0"));

        assertThat(surface.tools().items())
                .extracting(Surface.Tool::name)
                .containsExactly("read_file", "search_files", "list_directory");
        assertThat(surface.prompts().items()).extracting(Surface.Prompt::name).containsExactly("summarize");
        assertThat(surface.resources().items())
                .extracting(Surface.Resource::uri)
                .containsExactly("fixture://readme");
        assertThat(surface.resourceTemplates().items())
                .extracting(Surface.ResourceTemplate::uriTemplate)
                .containsExactly("fixture://files/{path}");
        assertThat(surface.protocol().probed()).isTrue();
        assertThat(surface.protocol().versions()).contains("2024-11-05", "2025-11-25");
        assertThat(surface.server().version()).isEqualTo("1.0.0");
        assertThat(surface.server().name()).isEqualTo("fixture-server");
    }

    @Test
    void should_report_the_release_differences_when_two_sdk_server_versions_are_snapshotted() {
        Surface v1 =
                snapshotter.snapshot(Fixtures.fixture("v1"), Fixtures.quick().withPackage(null, "1.0.0"));
        Surface v2 =
                snapshotter.snapshot(Fixtures.fixture("v2"), Fixtures.quick().withPackage(null, "1.1.0"));

        CompatReport report = new CompatAnalyzer().analyze(v1, v2, Policy.DEFAULT);

        assertThat(report.changes())
                .extracting(c -> c.rule().id() + " " + c.target())
                .contains(
                        "tool-removed tools/list_directory",
                        "tool-added tools/directory_tree",
                        "tool-input-optional-property-added tools/read_file#input/properties/head",
                        "tool-output-schema-added tools/read_file#output",
                        "tool-input-string-constraint-tightened tools/search_files#input/properties/pattern/minLength",
                        "tool-description-semantics-changed tools/search_files#description",
                        "prompt-argument-required-added prompts/summarize#arguments/style",
                        "resource-mime-type-changed resources/fixture://readme",
                        "resource-template-uri-changed resourceTemplates/fixture://files/{path}",
                        "instructions-changed instructions");
        assertThat(report.requiredBump().wireName()).isEqualTo("major");
        assertThat(report.underBumped()).isTrue();
    }

    @Test
    void should_snapshot_the_same_surface_over_streamable_http() {
        Surface overStdio = snapshotter.snapshot(Fixtures.fixture("v1"), Fixtures.quick());
        try (Fixtures.HttpFixture server = new Fixtures.HttpFixture("v1")) {
            Surface overHttp =
                    snapshotter.snapshot(new LaunchSpec.Http(server.url, Map.of()), SnapshotOptions.defaults());

            assertThat(overHttp.tools()).isEqualTo(overStdio.tools());
            assertThat(overHttp.prompts()).isEqualTo(overStdio.prompts());
            assertThat(overHttp.resourceTemplates()).isEqualTo(overStdio.resourceTemplates());
            assertThat(overHttp.protocol().probed()).isTrue();
            assertThat(overHttp.protocol().versions()).contains("2025-06-18", "2025-11-25");
            assertThat(overHttp.source().get("transport")).contains(JsonValue.of("streamable-http"));
        }
    }

    @Test
    void should_follow_pagination_and_record_discover_when_the_server_knows_the_newer_revision() {
        Surface surface = snapshotter.snapshot(Fixtures.scripted("paged"), SnapshotOptions.defaults());

        assertThat(surface.tools().items())
                .extracting(Surface.Tool::name)
                .containsExactly("tool_0", "tool_1", "tool_2", "tool_3", "tool_4");
        assertThat(surface.tools().items().get(0).execution()).isNotNull();
        assertThat(surface.protocol().versions()).containsExactly("2025-06-18", "2025-11-25", "2026-07-28");
        assertThat(surface.prompts().state()).isEqualTo(Surface.ListState.ABSENT);
    }

    @Test
    void should_list_statelessly_when_the_server_only_speaks_2026_07_28() {
        Surface surface = snapshotter.snapshot(Fixtures.scripted("stateless"), Fixtures.quick());

        assertThat(surface.tools().items())
                .extracting(Surface.Tool::name)
                .hasSize(5)
                .doesNotContain("missing_meta");
        assertThat(surface.protocol().versions()).containsExactly("2026-07-28");
    }

    @Test
    void should_fail_in_one_line_when_the_server_writes_garbage() {
        assertThatThrownBy(() -> snapshotter.snapshot(Fixtures.scripted("garbage"), Fixtures.quick()))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("not JSON-RPC")
                .hasMessageNotContaining("\n");
    }

    @Test
    void should_fail_with_the_exit_code_and_last_stderr_line_when_the_server_exits_at_start() {
        assertThatThrownBy(() -> snapshotter.snapshot(Fixtures.scripted("exit"), Fixtures.quick()))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("code 3")
                .hasMessageContaining("FIXTURE_TOKEN is required");
    }

    @Test
    void should_time_out_instead_of_hanging_when_the_server_never_answers() {
        SnapshotOptions options = new SnapshotOptions(Duration.ofSeconds(5), Duration.ofSeconds(2), true, null, null);

        assertThatThrownBy(() -> snapshotter.snapshot(Fixtures.scripted("hang"), options))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("no answer to initialize");
    }

    @Test
    void should_stop_a_pagination_loop() {
        assertThatThrownBy(() -> snapshotter.snapshot(Fixtures.scripted("loop"), Fixtures.quick()))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("pagination loop");
    }

    @Test
    void should_say_so_when_the_command_does_not_exist() {
        LaunchSpec.Stdio missing = new LaunchSpec.Stdio("/nonexistent/mcp-server", List.of(), Map.of(), null, false);

        assertThatThrownBy(() -> snapshotter.snapshot(missing, Fixtures.quick()))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("cannot start");
    }

    @Test
    void should_refuse_to_connect_when_nothing_listens_on_the_url() {
        LaunchSpec.Http nowhere = new LaunchSpec.Http(java.net.URI.create("http://127.0.0.1:9/mcp"), Map.of());

        assertThatThrownBy(() -> snapshotter.snapshot(nowhere, Fixtures.quick()))
                .isInstanceOf(SnapshotException.class);
    }
}
