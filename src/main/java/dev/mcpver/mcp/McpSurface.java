package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolDef;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Everything mcpver serves over MCP — the catalog's tools, the prompt templates and the resources of every
 * registered {@link ResourceSource} — and the one place that turns them into SDK server features. Both server kinds
 * are built here from the same handlers, so stdio, Streamable HTTP and stateless HTTP cannot drift. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * McpSurface surface = new McpSurface(catalog, PromptLibrary.fromClasspath(), List.of(new CatalogResources(catalog)),
 *         BuildInfo.version(), Json.create());
 * McpStdio.serve(surface, System.in, System.out);            // or: new McpHttp(surface, settings, auth, mapper)
 * }</pre>
 */
public final class McpSurface {
    public static final String SERVER_NAME = "mcpver";

    /** The revision current clients negotiate; recorded in the {@code tools/} manifest. */
    public static final String PROTOCOL_VERSION = "2025-11-25";

    private static final String INSTRUCTIONS = """
            mcpver manages versions of MCP servers: SemVer arithmetic, compatibility analysis of tool surfaces, a \
            registry with release lifecycle, rollbacks, migrations and A/B tests. Tools are deterministic unless their \
            annotations say otherwise. Read mcpver://catalog for each tool's required role and whether it needs \
            confirmation. A state-changing tool asks the user through elicitation when the client supports it; \
            otherwise call it again with "confirm": true once the user has approved. Failed calls return isError \
            with a 'code: message' text that says what to fix.""";

    private static final Duration HUMAN_TIMEOUT = Duration.ofMinutes(5);

    private final ToolCatalog catalog;
    private final PromptLibrary prompts;
    private final List<ResourceSource> sources;
    private final String version;
    private final McpJsonMapper jsonMapper;
    private final ToolAdapter tools;
    private final ReadAdapter reads;

    public McpSurface(
            ToolCatalog catalog,
            PromptLibrary prompts,
            List<ResourceSource> sources,
            String version,
            ObjectMapper mapper) {
        this.catalog = catalog;
        this.prompts = prompts;
        this.sources = List.copyOf(sources);
        this.version = version;
        this.jsonMapper = new JacksonMcpJsonMapper(mapper);
        this.tools = new ToolAdapter(catalog, mapper);
        this.reads = new ReadAdapter();
    }

    public McpSchema.Implementation serverInfo() {
        return new McpSchema.Implementation(SERVER_NAME, "mcpver", version);
    }

    /** Tools, prompts and resources (lists never change while a server runs), and the SDK's logging. */
    public McpSchema.ServerCapabilities capabilities() {
        return McpSchema.ServerCapabilities.builder()
                .logging() // the SDK always answers logging/setLevel and announces it; say so in the manifest too
                .tools(false)
                .prompts(false)
                .resources(false, false)
                .build();
    }

    public String instructions() {
        return INSTRUCTIONS;
    }

    public McpJsonMapper jsonMapper() {
        return jsonMapper;
    }

    /** The initialize result a client negotiating {@link #PROTOCOL_VERSION} receives. */
    public McpSchema.InitializeResult initializeResult() {
        return new McpSchema.InitializeResult(PROTOCOL_VERSION, capabilities(), serverInfo(), instructions());
    }

    public List<McpSchema.Tool> tools() {
        return catalog.tools().stream().map(tools::describe).toList();
    }

    public List<McpSchema.Prompt> prompts() {
        return prompts.templates().stream().map(ReadAdapter::describe).toList();
    }

    public List<McpSchema.Resource> resources() {
        return published(ResourceSource::resources).stream()
                .map(p -> ReadAdapter.resource(p.descriptor()))
                .toList();
    }

    public List<McpSchema.ResourceTemplate> resourceTemplates() {
        return published(ResourceSource::templates).stream()
                .map(p -> ReadAdapter.template(p.descriptor()))
                .toList();
    }

    /** A session-based server (stdio or Streamable HTTP) on the given SDK builder. */
    McpSyncServer stateful(McpServer.SyncSpecification<?> spec, Function<McpTransportContext, CallScope> scopes) {
        spec.serverInfo(serverInfo())
                .capabilities(capabilities())
                .instructions(instructions())
                .jsonMapper(jsonMapper)
                .validateToolInputs(false) // the catalog validates, with the messages every door shares
                .requestTimeout(HUMAN_TIMEOUT) // server-to-client requests include elicitations a human answers
                .tools(statefulTools(scopes))
                .prompts(prompts.templates().stream().map(this::statefulPrompt).toList())
                .resources(published(ResourceSource::resources).stream()
                        .map(p -> statefulResource(p, scopes))
                        .toList())
                .resourceTemplates(published(ResourceSource::templates).stream()
                        .map(p -> statefulTemplate(p, scopes))
                        .toList());
        return spec.build();
    }

    /** A server without sessions (no server-to-client requests, so confirmation is by the {@code confirm} flag). */
    McpStatelessSyncServer stateless(
            McpServer.StatelessSyncSpecification spec, Function<McpTransportContext, CallScope> scopes) {
        return spec.serverInfo(serverInfo())
                .capabilities(capabilities())
                .instructions(instructions())
                .jsonMapper(jsonMapper)
                .validateToolInputs(false)
                .tools(catalog.tools().stream()
                        .map(def -> new McpStatelessServerFeatures.SyncToolSpecification(
                                tools.describe(def),
                                (context, request) ->
                                        tools.call(def, request, scopes.apply(context), Confirmer.FLAG_ONLY)))
                        .toList())
                .prompts(prompts.templates().stream()
                        .map(t -> new McpStatelessServerFeatures.SyncPromptSpecification(
                                ReadAdapter.describe(t), (context, request) -> ReadAdapter.get(t, request)))
                        .toList())
                .resources(published(ResourceSource::resources).stream()
                        .map(p -> new McpStatelessServerFeatures.SyncResourceSpecification(
                                ReadAdapter.resource(p.descriptor()),
                                (context, request) -> reads.read(p, request.uri(), scopes.apply(context))))
                        .toList())
                .resourceTemplates(published(ResourceSource::templates).stream()
                        .map(p -> new McpStatelessServerFeatures.SyncResourceTemplateSpecification(
                                ReadAdapter.template(p.descriptor()),
                                (context, request) -> reads.read(p, request.uri(), scopes.apply(context))))
                        .toList())
                .build();
    }

    private List<McpServerFeatures.SyncToolSpecification> statefulTools(
            Function<McpTransportContext, CallScope> scopes) {
        List<McpServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
        for (ToolDef def : catalog.tools()) {
            specs.add(new McpServerFeatures.SyncToolSpecification(
                    tools.describe(def),
                    (exchange, request) -> tools.call(
                            def, request, scopes.apply(exchange.transportContext()), ElicitingConfirmer.of(exchange))));
        }
        return specs;
    }

    private McpServerFeatures.SyncPromptSpecification statefulPrompt(PromptTemplate template) {
        return new McpServerFeatures.SyncPromptSpecification(
                ReadAdapter.describe(template), (exchange, request) -> ReadAdapter.get(template, request));
    }

    private McpServerFeatures.SyncResourceSpecification statefulResource(
            Published published, Function<McpTransportContext, CallScope> scopes) {
        return new McpServerFeatures.SyncResourceSpecification(
                ReadAdapter.resource(published.descriptor()),
                (McpSyncServerExchange exchange, McpSchema.ReadResourceRequest request) ->
                        reads.read(published, request.uri(), scopes.apply(exchange.transportContext())));
    }

    private McpServerFeatures.SyncResourceTemplateSpecification statefulTemplate(
            Published published, Function<McpTransportContext, CallScope> scopes) {
        return new McpServerFeatures.SyncResourceTemplateSpecification(
                ReadAdapter.template(published.descriptor()),
                (exchange, request) -> reads.read(published, request.uri(), scopes.apply(exchange.transportContext())));
    }

    /** A descriptor with the source that reads it. */
    record Published(ResourceSource source, ResourceDescriptor descriptor) {}

    private List<Published> published(Function<ResourceSource, List<ResourceDescriptor>> which) {
        List<Published> all = new ArrayList<>();
        for (ResourceSource source : sources) {
            which.apply(source).forEach(descriptor -> all.add(new Published(source, descriptor)));
        }
        return all;
    }
}
