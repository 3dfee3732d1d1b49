package dev.mcpver.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.migrate.Expectation;
import dev.mcpver.migrate.ServerHandle;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.SmokeCall;
import dev.mcpver.migrate.SmokeResult;
import dev.mcpver.migrate.SurfaceProbe;
import dev.mcpver.migrate.ToolShape;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The MCP Java SDK client speaking to servers the {@link ProcessSupervisor} runs: the session opened at start is
 * reused, {@code tools/list} is paged to the end, and smoke calls are timed and checked against their expectations.
 * Thread-safe.
 */
public final class McpProbe implements SurfaceProbe {
    private final ProcessSupervisor supervisor;
    private final ObjectMapper mapper;

    public McpProbe(ProcessSupervisor supervisor, ObjectMapper mapper) {
        this.supervisor = supervisor;
        this.mapper = mapper;
    }

    @Override
    public ServerSurface snapshot(ServerHandle server, Duration timeout) {
        Supervised supervised = supervisor.supervised(server);
        McpSyncClient client = supervised.session(timeout);
        McpSchema.InitializeResult init = Objects.requireNonNull(supervised.initializeResult());
        List<ToolShape> tools = within(timeout, () -> listTools(client));
        return new ServerSurface(init.serverInfo().name(), init.serverInfo().version(), init.protocolVersion(), tools);
    }

    private List<ToolShape> listTools(McpSyncClient client) {
        List<ToolShape> tools = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
            page.tools().forEach(tool -> tools.add(shape(tool)));
            cursor = page.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return tools;
    }

    private ToolShape shape(McpSchema.Tool tool) {
        boolean readOnly = tool.annotations() != null
                && Boolean.TRUE.equals(tool.annotations().readOnlyHint());
        return new ToolShape(
                tool.name(),
                Objects.requireNonNullElse(tool.description(), ""),
                canonical(tool.inputSchema()),
                tool.outputSchema() == null ? null : canonical(tool.outputSchema()),
                readOnly);
    }

    private String canonical(Object value) {
        return CanonicalJson.write(mapper.<JsonNode>valueToTree(value));
    }

    @Override
    public SmokeResult call(ServerHandle server, SmokeCall call, Duration timeout) {
        McpSyncClient client = supervisor.supervised(server).session(timeout);
        Map<String, Object> arguments = arguments(call);
        long started = System.nanoTime();
        McpSchema.CallToolResult result;
        try {
            result = within(timeout, () -> client.callTool(new McpSchema.CallToolRequest(call.tool(), arguments)));
        } catch (RuntimeException e) {
            return new SmokeResult(
                    call.tool(), (System.nanoTime() - started) / 1_000_000, List.of("call failed: " + e.getMessage()));
        }
        long latency = (System.nanoTime() - started) / 1_000_000;
        List<String> failures = new ArrayList<>();
        for (Expectation expectation : call.expect()) {
            if (!holds(expectation, result, latency)) {
                failures.add("expected " + expectation.describe() + "; got " + summary(result));
            }
        }
        return new SmokeResult(call.tool(), latency, failures);
    }

    private Map<String, Object> arguments(SmokeCall call) {
        try {
            return mapper.readValue(call.arguments(), new com.fasterxml.jackson.core.type.TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("smoke call arguments for " + call.tool() + " are not JSON", e);
        }
    }

    private boolean holds(Expectation expectation, McpSchema.CallToolResult result, long latency) {
        return switch (expectation.kind()) {
            case NOT_ERROR -> !Boolean.TRUE.equals(result.isError());
            case TEXT_CONTAINS -> text(result).contains(Objects.requireNonNull(expectation.value()));
            case JSON_EQUALS ->
                jsonEquals(
                        result,
                        Objects.requireNonNull(expectation.pointer()),
                        Objects.requireNonNull(expectation.value()));
            case MAX_LATENCY_MS -> latency <= Long.parseLong(Objects.requireNonNull(expectation.value()));
        };
    }

    private boolean jsonEquals(McpSchema.CallToolResult result, String pointer, String expected) {
        JsonNode document = structured(result);
        try {
            return document != null && document.at(pointer).equals(mapper.readTree(expected));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The structured content, or the first text content parsed as JSON (older servers). */
    private @Nullable JsonNode structured(McpSchema.CallToolResult result) {
        if (result.structuredContent() != null) {
            return mapper.valueToTree(result.structuredContent());
        }
        try {
            return mapper.readTree(text(result));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        if (result.content() == null) {
            return "";
        }
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    private static String summary(McpSchema.CallToolResult result) {
        String text = text(result);
        String cut = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return (Boolean.TRUE.equals(result.isError()) ? "error: " : "") + "\"" + cut + "\"";
    }

    private static <T> T within(Duration timeout, java.util.function.Supplier<T> work) {
        CompletableFuture<T> future = Blocking.supply(work);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("no answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(String.valueOf(cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
