package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import dev.mcpver.log.JsonLogging;
import dev.mcpver.log.LogLevel;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MCP door over Streamable HTTP and stateless HTTP, driven by the official Java SDK client on a real port. */
class McpHttpTest {
    private static McpFixtures.Server server;

    @BeforeAll
    static void start() {
        server = new McpFixtures.Server(true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_initialize_and_list_every_catalog_tool_with_schemas_annotations_and_role() {
        try (McpSyncClient client = McpFixtures.client(server, McpHttp.ENDPOINT, () -> null)) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("mcpver");
            assertThat(init.serverInfo().version()).isEqualTo("9.9.9");
            assertThat(init.protocolVersion()).isEqualTo(McpSurface.PROTOCOL_VERSION);
            assertThat(init.instructions()).contains("mcpver://catalog");

            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools)
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyElementsOf(McpFixtures.catalog().tools().stream()
                            .map(t -> t.name())
                            .toList());
            McpSchema.Tool satisfies = tool(tools, "semver_satisfies");
            assertThat(satisfies.title()).isEqualTo("Check a version against a range");
            assertThat(satisfies.outputSchema()).containsKey("properties");
            assertThat(satisfies.annotations().readOnlyHint()).isTrue();
            assertThat(satisfies.annotations().destructiveHint()).isFalse();
            assertThat(satisfies.annotations().idempotentHint()).isTrue();
            assertThat(satisfies.annotations().openWorldHint()).isFalse();
            assertThat(satisfies.meta()).containsEntry(ToolAdapter.META_ROLE, "viewer");

            McpSchema.Tool promote = tool(tools, "test_promote");
            assertThat(promote.annotations().readOnlyHint()).isFalse();
            assertThat(promote.meta()).containsEntry(ToolAdapter.META_CONFIRMATION, true);
            assertThat(Json.mapper()
                            .valueToTree(promote.inputSchema())
                            .at("/properties/confirm/type")
                            .asText())
                    .isEqualTo("boolean");
        }
    }

    @Test
    void should_return_structured_content_and_the_same_json_as_text() {
        try (McpSyncClient client = McpFixtures.client(server, McpHttp.ENDPOINT, () -> null)) {
            client.initialize();
            McpSchema.CallToolResult result =
                    call(client, "semver_satisfies", Map.of("version", "1.4.2", "range", "^1.2.3"));

            assertThat(result.isError()).isFalse();
            JsonNode structured = Json.mapper().valueToTree(result.structuredContent());
            assertThat(structured).isEqualTo(Json.read("{\"satisfies\":true}"));
            assertThat(text(result)).isEqualTo("{\"satisfies\":true}");
        }
    }

    @Test
    void should_keep_null_members_of_structured_content() {
        try (McpSyncClient client = McpFixtures.client(server, McpHttp.ENDPOINT, () -> null)) {
            client.initialize();
            McpSchema.CallToolResult result = call(client, "semver_diff", Map.of("a", "1.2.3", "b", "1.2.3+build"));

            assertThat(result.isError()).isFalse();
            assertThat(text(result)).isEqualTo("{\"diff\":null}");
            JsonNode structured = Json.mapper().valueToTree(result.structuredContent());
            assertThat(structured.has("diff")).isTrue();
            assertThat(structured.get("diff").isNull()).isTrue();
        }
    }

    @Test
    void should_answer_invalid_arguments_with_an_error_result_a_model_can_act_on() {
        try (McpSyncClient client = McpFixtures.client(server, McpHttp.ENDPOINT, () -> null)) {
            client.initialize();
            McpSchema.CallToolResult missing = call(client, "semver_satisfies", Map.of("version", "1.4.2"));
            McpSchema.CallToolResult domain = call(client, "semver_parse", Map.of("version", "not-a-version"));

            assertThat(missing.isError()).isTrue();
            assertThat(missing.structuredContent()).isNull();
            assertThat(text(missing)).startsWith("invalid_arguments: ").contains("range");
            assertThat(domain.isError()).isTrue();
            assertThat(text(domain)).startsWith("invalid_arguments: ").contains("not-a-version");
        }
    }

    @Test
    void should_hide_unexpected_failures_behind_a_tool_failed_result() {
        try (McpSyncClient client = McpFixtures.client(server, McpHttp.ENDPOINT, () -> null)) {
            client.initialize();
            McpSchema.CallToolResult result = call(client, "test_crash", Map.of());

            assertThat(result.isError()).isTrue();
            assertThat(text(result)).startsWith("tool_failed: ");
        }
    }

    @Test
    void should_keep_protocol_errors_as_json_rpc_errors() {
        try (McpSyncClient client = McpFixtures.client(server, McpHttp.ENDPOINT, () -> null)) {
            client.initialize();
            assertThatThrownBy(() -> call(client, "no_such_tool", Map.of()))
                    .isInstanceOf(McpError.class)
                    .satisfies(e -> assertThat(((McpError) e).getJsonRpcError().code())
                            .isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
        }
    }

    @Test
    void should_refuse_state_changes_to_anonymous_callers_and_require_confirmation_from_operators() {
        AtomicReference<String> token = new AtomicReference<>();
        try (McpSyncClient client = McpFixtures.client(server, McpHttp.ENDPOINT, token::get)) {
            client.initialize(); // anonymous session start; the caller is resolved per request
            int before = McpFixtures.PROMOTIONS.get();

            McpSchema.CallToolResult anonymous = call(client, "test_promote", Map.of("version", "1.0.0"));
            token.set(McpFixtures.VIEWER_TOKEN);
            McpSchema.CallToolResult viewer = call(client, "test_promote", Map.of("version", "1.0.0"));
            token.set(McpFixtures.OPERATOR_TOKEN);
            McpSchema.CallToolResult unconfirmed = call(client, "test_promote", Map.of("version", "1.0.0"));
            McpSchema.CallToolResult badFlag =
                    call(client, "test_promote", Map.of("version", "1.0.0", "confirm", "yes"));
            McpSchema.CallToolResult confirmed =
                    call(client, "test_promote", Map.of("version", "1.0.0", "confirm", true));

            assertThat(text(anonymous)).startsWith("forbidden: ").contains("operator");
            assertThat(text(viewer)).startsWith("forbidden: ").contains("token-viewer");
            assertThat(text(unconfirmed)).startsWith("confirmation_required: ").contains("\"confirm\": true");
            assertThat(text(badFlag)).startsWith("invalid_arguments: ");
            assertThat(confirmed.isError()).isFalse();
            assertThat(text(confirmed)).isEqualTo("{\"promoted\":\"1.0.0\"}");
            assertThat(McpFixtures.PROMOTIONS.get()).isEqualTo(before + 1);
        }
    }

    @Test
    void should_ask_the_user_through_elicitation_when_the_client_supports_it() {
        AtomicReference<McpSchema.ElicitFormRequest> asked = new AtomicReference<>();
        AtomicReference<Boolean> approve = new AtomicReference<>(true);
        try (McpSyncClient client = McpFixtures.clientBuilder(
                        server, McpHttp.ENDPOINT, () -> McpFixtures.OPERATOR_TOKEN)
                .capabilities(
                        McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> {
                    asked.set(request);
                    return new McpSchema.ElicitResult(
                            McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", approve.get()));
                })
                .build()) {
            client.initialize();
            int before = McpFixtures.PROMOTIONS.get();

            McpSchema.CallToolResult approved = call(client, "test_promote", Map.of("version", "2.0.0"));
            approve.set(false);
            McpSchema.CallToolResult declined =
                    call(client, "test_promote", Map.of("version", "2.0.1", "confirm", true));

            assertThat(approved.isError()).isFalse();
            assertThat(asked.get().message()).contains("test_promote").contains("2.0.1");
            assertThat(text(declined)).startsWith("confirmation_declined: ");
            assertThat(McpFixtures.PROMOTIONS.get()).isEqualTo(before + 1);
        }
    }

    @Test
    void should_serve_prompts_rendered_with_arguments_and_refuse_missing_ones() {
        try (McpSyncClient client = McpFixtures.client(server, McpHttp.ENDPOINT, () -> null)) {
            client.initialize();
            McpSchema.Prompt greet = client.listPrompts().prompts().get(0);
            McpSchema.GetPromptResult rendered =
                    client.getPrompt(new McpSchema.GetPromptRequest("greet", Map.of("who", "Ada")));

            assertThat(greet.arguments())
                    .extracting(McpSchema.PromptArgument::name)
                    .containsExactly("who", "mood");
            assertThat(greet.arguments().get(0).required()).isTrue();
            assertThat(((McpSchema.TextContent) rendered.messages().get(0).content()).text())
                    .isEqualTo("Greet Ada cheerfully.\n");
            assertThat(rendered.messages().get(0).role()).isEqualTo(McpSchema.Role.USER);
            assertThatThrownBy(() -> client.getPrompt(new McpSchema.GetPromptRequest("greet", Map.of())))
                    .isInstanceOf(McpError.class)
                    .hasMessageContaining("who");
        }
    }

    @Test
    void should_serve_resources_and_templates_from_every_source() {
        AtomicReference<String> token = new AtomicReference<>();
        try (McpSyncClient client = McpFixtures.client(server, McpHttp.ENDPOINT, token::get)) {
            client.initialize();
            assertThat(client.listResources().resources())
                    .extracting(McpSchema.Resource::uri)
                    .containsExactlyInAnyOrder("mcpver://catalog", "test://secret");
            assertThat(client.listResourceTemplates().resourceTemplates())
                    .extracting(McpSchema.ResourceTemplate::uriTemplate)
                    .containsExactlyInAnyOrder("mcpver://catalog/tools/{name}", "test://things/{id}");

            JsonNode catalog = Json.read(read(client, "mcpver://catalog"));
            JsonNode parse = Json.read(read(client, "mcpver://catalog/tools/semver_parse"));
            JsonNode thing = Json.read(read(client, "test://things/1"));

            assertThat(catalog.get("sha256").asText()).hasSize(64);
            assertThat(catalog.get("tools"))
                    .hasSize(McpFixtures.catalog().tools().size());
            assertThat(parse.get("requiredRole").asText()).isEqualTo("viewer");
            assertThat(thing.get("reader").asText()).isEqualTo("anonymous");
            assertThatThrownBy(() -> read(client, "test://things/2"))
                    .isInstanceOf(McpError.class)
                    .satisfies(e -> assertThat(((McpError) e).getJsonRpcError().code())
                            .isEqualTo(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND));
            assertThatThrownBy(() -> read(client, "test://secret")).hasMessageContaining("operator");
            token.set(McpFixtures.OPERATOR_TOKEN);
            assertThat(read(client, "test://secret")).isEqualTo("42");
        }
    }

    @Test
    void should_serve_the_same_tools_statelessly_with_confirmation_by_flag() {
        try (McpSyncClient client =
                McpFixtures.client(server, McpHttp.STATELESS_ENDPOINT, () -> McpFixtures.OPERATOR_TOKEN)) {
            client.initialize();
            assertThat(client.listTools().tools())
                    .hasSize(McpFixtures.catalog().tools().size());
            assertThat(text(call(client, "semver_next", Map.of("version", "1.2.3", "bump", "minor"))))
                    .isEqualTo("{\"version\":\"1.3.0\"}");
            assertThat(text(call(client, "test_promote", Map.of("version", "3.0.0"))))
                    .startsWith("confirmation_required: ");
            assertThat(call(client, "test_promote", Map.of("version", "3.0.0", "confirm", true))
                            .isError())
                    .isFalse();
            assertThat(read(client, "test://things/1")).contains("token-op");
        }
    }

    @Test
    void should_log_one_json_line_per_mcp_request() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream previous = JsonLogging.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogLevel previousLevel = JsonLogging.level();
        JsonLogging.setLevel(LogLevel.INFO);
        try (McpSyncClient client = McpFixtures.client(server, McpHttp.ENDPOINT, () -> null)) {
            client.initialize();
            call(client, "semver_compare", Map.of("a", "1.0.0", "b", "2.0.0"));
        } finally {
            JsonLogging.redirect(previous);
            JsonLogging.setLevel(previousLevel);
        }
        List<JsonNode> lines = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .map(Json::read)
                .toList();
        assertThat(lines)
                .filteredOn(line -> line.path("operation").asText().equals("MCP_REQUEST"))
                .anySatisfy(line -> {
                    assertThat(line.get("method").asText()).isEqualTo("POST");
                    assertThat(line.get("path").asText()).isEqualTo("/mcp");
                    assertThat(line.get("status").asInt()).isEqualTo(200);
                    assertThat(line.has("durationMs")).isTrue();
                });
        assertThat(lines)
                .filteredOn(line -> line.path("operation").asText().equals("SEMVER_COMPARE"))
                .anySatisfy(line -> {
                    assertThat(line.get("transport").asText()).isEqualTo("mcp-http");
                    assertThat(line.get("requestId").asText()).isNotBlank();
                    assertThat(line.get("outcome").asText()).isEqualTo("ok");
                });
    }

    @Test
    void should_refuse_a_confirmation_tool_whose_own_arguments_are_named_confirm() {
        dev.mcpver.tools.ToolDef clash = new dev.mcpver.tools.ToolDef(
                "test_clash",
                "Clash",
                "Needs confirmation and also has a confirm argument.",
                dev.mcpver.tools.Schemas.of("{\"type\":\"object\",\"properties\":{\"confirm\":{\"type\":\"string\"}}}"),
                dev.mcpver.tools.Schemas.of("{\"type\":\"object\"}"),
                new dev.mcpver.tools.ToolHints(false, false, false, false),
                dev.mcpver.auth.Role.OPERATOR,
                true,
                (args, ctx) -> dev.mcpver.tools.ToolOutcome.ok(args));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ToolAdapter.publishedInput(clash))
                .hasMessageContaining("cannot be named 'confirm'");
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    static String read(McpSyncClient client, String uri) {
        McpSchema.ReadResourceResult result = client.readResource(new McpSchema.ReadResourceRequest(uri));
        return ((McpSchema.TextResourceContents) result.contents().get(0)).text();
    }

    private static McpSchema.Tool tool(List<McpSchema.Tool> tools, String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
