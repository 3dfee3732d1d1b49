package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpver.AppConfig;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.http.Access;
import dev.mcpver.http.ErrorMapper;
import dev.mcpver.http.HttpServer;
import dev.mcpver.json.Json;
import dev.mcpver.tools.Schemas;
import dev.mcpver.tools.SemverTools;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolHints;
import dev.mcpver.tools.ToolOutcome;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A catalog, tokens, a resource source and an in-process server for the MCP door's tests. */
final class McpFixtures {
    static final String OPERATOR_TOKEN = "op-secret";
    static final String VIEWER_TOKEN = "viewer-secret";
    static final AtomicInteger PROMOTIONS = new AtomicInteger();

    private McpFixtures() {}

    static Authenticator authenticator() {
        Map<String, Caller> tokens = Map.of(
                OPERATOR_TOKEN, new Caller("token-op", Role.OPERATOR),
                VIEWER_TOKEN, new Caller("token-viewer", Role.VIEWER));
        return token -> Optional.ofNullable(tokens.get(token));
    }

    /** The SemVer tools plus a state-changing tool that needs confirmation and a tool that crashes. */
    static ToolCatalog catalog() {
        List<ToolDef> tools = new ArrayList<>(SemverTools.all());
        tools.add(new ToolDef(
                "test_promote",
                "Promote a version",
                "Moves a version to the stable channel.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"version\":{\"type\":\"string\"}},"
                        + "\"required\":[\"version\"],\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"properties\":{\"promoted\":{\"type\":\"string\"}}}"),
                new ToolHints(false, false, true, false),
                Role.OPERATOR,
                true,
                (args, ctx) -> {
                    PROMOTIONS.incrementAndGet();
                    return ToolOutcome.ok(JsonNodeFactory.instance
                            .objectNode()
                            .put("promoted", args.get("version").asText()));
                }));
        tools.add(ToolDef.readOnly(
                "test_crash",
                "Crash",
                "Always fails unexpectedly.",
                Schemas.of("{\"type\":\"object\"}"),
                Schemas.of("{\"type\":\"object\"}"),
                (args, ctx) -> {
                    throw new IllegalStateException("disk on fire");
                }));
        return new ToolCatalog(tools);
    }

    /** {@code test://things/{id}}: only id 1 exists; {@code test://secret} needs the operator role. */
    static ResourceSource things() {
        return new ResourceSource() {
            @Override
            public List<ResourceDescriptor> resources() {
                return List.of(
                        ResourceDescriptor.json("test://secret", "secret", "Secret", "Operators only.", Role.OPERATOR));
            }

            @Override
            public List<ResourceDescriptor> templates() {
                return List.of(ResourceDescriptor.json(
                        "test://things/{id}", "thing", "A thing", "One thing by id.", Role.VIEWER));
            }

            @Override
            public Optional<ResourceContent> read(String uri, Caller caller) {
                if (uri.equals("test://secret")) {
                    return Optional.of(new ResourceContent(uri, "text/plain", "42"));
                }
                return UriTemplate.of("test://things/{id}")
                        .match(uri)
                        .filter(values -> "1".equals(values.get("id")))
                        .map(values -> ResourceContent.json(
                                uri,
                                JsonNodeFactory.instance
                                        .objectNode()
                                        .put("id", 1)
                                        .put("reader", caller.subject())));
            }
        };
    }

    static PromptLibrary prompts() {
        return new PromptLibrary(List.of(PromptLibrary.parse("greet.md", """
                ---
                title: Greet
                description: Says hello.
                arguments:
                  - name: who
                    description: whom to greet
                    required: true
                  - name: mood
                    description: how
                    default: cheerfully
                ---
                Greet {{who}} {{mood}}.
                """)));
    }

    static McpSurface surface() {
        return new McpSurface(
                catalog(), prompts(), List.of(new CatalogResources(catalog()), things()), "9.9.9", Json.create());
    }

    /** A running HTTP server with the MCP door mounted; close it after the test. */
    static final class Server implements AutoCloseable {
        final HttpServer http;
        final McpHttp mcp;

        Server(boolean openReads) {
            AppConfig config = AppConfig.load(Map.of(), Map.of("port", "0"));
            McpHttp.Settings settings = new McpHttp.Settings(
                    config.mcpAllowedOrigins(), config.mcpAllowedHosts(), config.maxRequestBytes(), openReads);
            this.mcp = new McpHttp(surface(), settings, authenticator(), Json.create());
            this.http = new HttpServer(
                    config,
                    Json.create(),
                    new ErrorMapper(),
                    new Access(authenticator(), openReads),
                    List.of(),
                    List.of(mcp::mount));
            http.start();
        }

        int port() {
            return http.port();
        }

        String base() {
            return "http://127.0.0.1:" + port();
        }

        @Override
        public void close() {
            mcp.close();
            http.close();
        }
    }

    /** A Java SDK client over Streamable HTTP; {@code token} is read for every request (null: none). */
    static McpSyncClient client(Server server, String endpoint, Supplier<String> token) {
        return clientBuilder(server, endpoint, token).build();
    }

    static McpClient.SyncSpec clientBuilder(Server server, String endpoint, Supplier<String> token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.base())
                .endpoint(endpoint)
                .httpRequestCustomizer((builder, method, uri, body, context) -> {
                    String value = token.get();
                    if (value != null) {
                        builder.header("Authorization", "Bearer " + value);
                    }
                })
                .build();
        return McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("mcpver-test", "1.0.0"))
                .requestTimeout(Duration.ofSeconds(20));
    }
}
