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
import java.util.List;

/**
 * Routes whose arguments come from path parameters, the query string and/or a JSON body, answered by a catalog
 * tool (the same one the agent, the MCP server and the CLI call). State-changing tools that need a human's
 * confirmation are confirmed over HTTP by {@code "confirm": true} in the body or {@code ?confirm=true}; the flag is
 * not passed to the tool.
 */
final class ToolCalls {
    private final ToolCatalog catalog;
    private final Access access;
    private final ObjectMapper mapper;

    ToolCalls(ToolCatalog catalog, Access access, ObjectMapper mapper) {
        this.catalog = catalog;
        this.access = access;
        this.mapper = mapper;
    }

    /** Arguments from path parameters and the query string (GET routes). */
    Handler query(String tool, String... pathParams) {
        ToolDef def = definition(tool);
        return ctx -> answer(ctx, def, withPath(ctx, fromQuery(ctx, def), pathParams), 200);
    }

    /** Arguments from the JSON body (may be empty) plus path parameters. */
    Handler body(String tool, int status, String... pathParams) {
        ToolDef def = definition(tool);
        return ctx -> answer(ctx, def, withPath(ctx, fromBody(ctx), pathParams), status);
    }

    void answer(Context ctx, ToolDef def, ObjectNode arguments, int status) {
        Caller caller = access.require(ctx, def.requiredRole());
        boolean confirmed = arguments.path("confirm").asBoolean(false) || "true".equals(ctx.queryParam("confirm"));
        arguments.remove("confirm");
        ToolContext context = ToolContext.of(caller, RequestIds.of(ctx));
        ToolOutcome outcome = catalog.call(def.name(), arguments, confirmed ? context.confirm() : context);
        if (outcome instanceof ToolOutcome.Ok ok) {
            ctx.status(status).json(ok.result());
            return;
        }
        throw ToolEndpoints.toProblem(def.name(), (ToolOutcome.Failed) outcome).toException();
    }

    /** Path parameters become arguments; {server}/{environment} together become {@code deployment}. */
    private static ObjectNode withPath(Context ctx, ObjectNode arguments, String... pathParams) {
        List<String> params = List.of(pathParams);
        for (String param : params) {
            if (!param.equals("server") && !param.equals("environment")) {
                arguments.put(param, ctx.pathParam(param));
            }
        }
        if (params.contains("environment")) {
            arguments.put("deployment", ctx.pathParam("server") + "/" + ctx.pathParam("environment"));
        } else if (params.contains("server")) {
            arguments.put("server", ctx.pathParam("server"));
        }
        return arguments;
    }

    private ObjectNode fromQuery(Context ctx, ToolDef def) {
        ObjectNode arguments = mapper.createObjectNode();
        JsonNode properties = def.inputSchema().path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String value = ctx.queryParam(name);
            if (value != null) {
                arguments.set(name, QueryValues.convert(name, value, properties.get(name)));
            }
        }
        return arguments;
    }

    private ObjectNode fromBody(Context ctx) {
        if (ctx.body().isBlank()) {
            return mapper.createObjectNode();
        }
        JsonNode body = Requests.body(ctx, JsonNode.class);
        if (!body.isObject()) {
            throw Problem.badRequest("invalid-json", "Invalid JSON body", "expected a JSON object")
                    .toException();
        }
        return (ObjectNode) body;
    }

    ToolDef definition(String tool) {
        return catalog.find(tool).orElseThrow(() -> new IllegalArgumentException("no tool named " + tool));
    }
}
