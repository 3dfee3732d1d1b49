package dev.mcpver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Caller;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolContext;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolOutcome;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Iterator;
import java.util.Map;

/**
 * HTTP routes backed by catalog tools: the handler turns the request into the tool's arguments, calls the same
 * {@link ToolCatalog} the agent and the MCP server call, and answers the tool's JSON. Failures become problems:
 * {@code invalid_arguments} 400, {@code forbidden} 403, {@code not_found} 404, {@code conflict} and
 * {@code confirmation_required} 409, other feature codes 422, {@code tool_failed} 500.
 */
public final class ToolEndpoints {
    private static final Map<String, Integer> STATUS = Map.of(
            "invalid_arguments", 400,
            "forbidden", 403,
            "not_found", 404,
            "conflict", 409,
            "confirmation_required", 409,
            "unknown_tool", 500,
            "tool_failed", 500);

    private final ToolCatalog catalog;
    private final Access access;
    private final ObjectMapper mapper;

    public ToolEndpoints(ToolCatalog catalog, Access access, ObjectMapper mapper) {
        this.catalog = catalog;
        this.access = access;
        this.mapper = mapper;
    }

    /** A GET route: each property of the tool's input schema is read from the query string. */
    public Handler fromQuery(String tool) {
        ToolDef def = definition(tool);
        return ctx -> answer(ctx, def, queryArguments(ctx, def));
    }

    /** A POST route: the JSON body (an object) is the argument object. */
    public Handler fromBody(String tool) {
        ToolDef def = definition(tool);
        return ctx -> answer(ctx, def, bodyArguments(ctx));
    }

    private void answer(Context ctx, ToolDef def, JsonNode arguments) {
        Caller caller = access.require(ctx, def.requiredRole());
        ToolOutcome outcome = catalog.call(def.name(), arguments, ToolContext.of(caller, RequestIds.of(ctx)));
        if (outcome instanceof ToolOutcome.Ok ok) {
            ctx.json(ok.result());
            return;
        }
        throw toProblem(def.name(), (ToolOutcome.Failed) outcome).toException();
    }

    static Problem toProblem(String tool, ToolOutcome.Failed failed) {
        int status = STATUS.getOrDefault(failed.code(), 422);
        String slug = failed.code().replace('_', '-');
        if (status == 500) {
            return Problem.of(
                    500, slug, "Internal Server Error", tool + " failed unexpectedly; the server log has details");
        }
        return Problem.of(status, slug, title(failed.code()), failed.message()).with("code", failed.code());
    }

    private static String title(String code) {
        return switch (code) {
            case "invalid_arguments" -> "Invalid arguments";
            case "forbidden" -> "Forbidden";
            case "not_found" -> "Not Found";
            case "conflict" -> "Conflict";
            case "confirmation_required" -> "Confirmation required";
            default -> "Unprocessable request";
        };
    }

    private ObjectNode queryArguments(Context ctx, ToolDef def) {
        ObjectNode arguments = mapper.createObjectNode();
        JsonNode properties = def.inputSchema().path("properties");
        for (JsonNode required : def.inputSchema().path("required")) {
            Requests.query(ctx, required.asText()); // a clear 400 names the missing parameter
        }
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String value = ctx.queryParam(name);
            if (value != null) {
                arguments.set(name, QueryValues.convert(name, value, properties.get(name)));
            }
        }
        return arguments;
    }

    private JsonNode bodyArguments(Context ctx) {
        JsonNode body = Requests.body(ctx, JsonNode.class);
        if (!body.isObject()) {
            throw Problem.badRequest(
                            "invalid-json",
                            "Invalid JSON body",
                            "expected a JSON object, got "
                                    + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    .toException();
        }
        return body;
    }

    private ToolDef definition(String tool) {
        return catalog.find(tool).orElseThrow(() -> new IllegalArgumentException("no tool named " + tool));
    }
}
