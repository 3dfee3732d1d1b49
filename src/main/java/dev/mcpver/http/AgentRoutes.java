package dev.mcpver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.agent.Agent;
import dev.mcpver.agent.AgentException;
import dev.mcpver.agent.ChatInput;
import dev.mcpver.agent.ChatResult;
import dev.mcpver.agent.ConfirmInput;
import dev.mcpver.agent.ForkInput;
import dev.mcpver.agent.ModelFailure;
import dev.mcpver.agent.ReplayResult;
import dev.mcpver.agent.RunStatus;
import dev.mcpver.agent.TraceJson;
import dev.mcpver.agent.TraceService;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The agent over HTTP: chat (JSON or Server-Sent Events), conversations and traces, export/import, replay, fork,
 * confirmation, status and the tool list. Model failures are 502/503/504 problems carrying {@code runId}, {@code code}
 * and (when the provider said so) {@code retryAfterSeconds}; the run and its steps are stored either way.
 */
public final class AgentRoutes implements RouteGroup {
    private final Agent agent;
    private final Access access;

    public AgentRoutes(Agent agent, Access access) {
        this.agent = agent;
        this.access = access;
    }

    /** Body of {@code POST /api/v1/runs/{id}/replay}. */
    public record ReplayInput(@Nullable String mode) {}

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/chat", this::chat);
        routes.post("/api/v1/chat/stream", this::chatStream);
        routes.get("/api/v1/conversations", this::conversations);
        routes.post("/api/v1/conversations/import", this::importConversation);
        routes.get("/api/v1/conversations/{id}", ctx -> read(ctx).json(traces().conversation(ctx.pathParam("id"))));
        routes.get("/api/v1/conversations/{id}/trace", this::trace);
        routes.get("/api/v1/conversations/{id}/export", this::export);
        routes.get("/api/v1/runs/{id}", ctx -> read(ctx).json(traces().run(ctx.pathParam("id"))));
        routes.get("/api/v1/runs/{id}/steps", this::steps);
        routes.post("/api/v1/runs/{id}/replay", this::replay);
        routes.post("/api/v1/runs/{id}/fork", this::fork);
        routes.post("/api/v1/runs/{id}/confirm", this::confirm);
        routes.get("/api/v1/agent/status", ctx -> read(ctx).json(agent.status()));
        routes.get("/api/v1/agent/tools", ctx -> read(ctx).json(agent.tools()));
    }

    @Override
    public void registerErrors(ErrorMapper errors) {
        errors.register(AgentException.class, AgentRoutes::problem);
    }

    private void chat(Context ctx) {
        Caller caller = access.require(ctx, Role.VIEWER);
        ChatInput input = Requests.body(ctx, ChatInput.class);
        answer(ctx, agent.chat(input, caller, step -> {}));
    }

    private void fork(Context ctx) {
        Caller caller = access.require(ctx, Role.VIEWER);
        ForkInput input = Requests.body(ctx, ForkInput.class);
        answer(ctx, agent.fork(ctx.pathParam("id"), input, caller, step -> {}));
    }

    private void confirm(Context ctx) {
        Caller caller = access.require(ctx, Role.OPERATOR);
        ConfirmInput input = Requests.body(ctx, ConfirmInput.class);
        answer(ctx, agent.confirm(ctx.pathParam("id"), input, caller, step -> {}));
    }

    private void replay(Context ctx) {
        Caller caller = access.require(ctx, Role.VIEWER);
        String body = ctx.body().strip();
        String mode = body.isEmpty()
                ? "verify"
                : String.valueOf(java.util.Objects.requireNonNullElse(
                        Requests.body(ctx, ReplayInput.class).mode(), "verify"));
        ReplayResult result = agent.replay(ctx.pathParam("id"), mode, caller);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("replayRunId", result.replayRunId());
        json.put("originalRunId", result.originalRunId());
        json.put("mode", result.mode());
        json.put("status", result.status().wire());
        result.diffs().forEach(diff -> json.withArray("diffs").add(TraceService.diffJson(diff)));
        json.withArray("diffs");
        result.notes().forEach(json.withArray("notes")::add);
        json.withArray("notes");
        ctx.json(json);
    }

    /** Server-Sent Events: one {@code step} event per committed step, then {@code final} or {@code error}. */
    private void chatStream(Context ctx) {
        Caller caller = access.require(ctx, Role.VIEWER);
        ChatInput input = Requests.body(ctx, ChatInput.class);
        ctx.status(200);
        ctx.contentType("text/event-stream; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no");
        OutputStream out = ctx.outputStream();
        ChatResult result = agent.chat(input, caller, step -> event(out, "step", TraceJson.step(step)));
        Problem problem = failure(result);
        if (problem == null) {
            ObjectNode body = body(result);
            body.remove("steps");
            event(out, "final", body);
        } else {
            event(out, "error", Json.mapper().valueToTree(problem.withInstance(ctx.path())));
        }
    }

    private void conversations(Context ctx) {
        read(ctx);
        int limit = intQuery(ctx, "limit", 50, 1, 200);
        int offset = intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        ctx.json(traces().conversations(limit, offset));
    }

    private void trace(Context ctx) {
        read(ctx);
        String view = Requests.optionalQuery(ctx, "view").orElse("flat");
        ctx.json(traces().trace(ctx.pathParam("id"), view));
    }

    private void export(Context ctx) {
        read(ctx);
        String id = ctx.pathParam("id");
        String text = traces().export(id);
        ctx.header("Content-Disposition", "attachment; filename=\"" + id.replaceAll("[^\\w.-]", "_") + ".json\"");
        ctx.contentType("application/json; charset=utf-8").result(text);
    }

    private void importConversation(Context ctx) {
        access.require(ctx, Role.OPERATOR);
        JsonNode result = traces().importText(ctx.body());
        ctx.status(201).json(result);
    }

    private void steps(Context ctx) {
        read(ctx);
        Integer from = optionalInt(ctx, "from");
        Integer to = optionalInt(ctx, "to");
        ctx.json(traces().steps(ctx.pathParam("id"), ctx.queryParam("kind"), from, to));
    }

    private Context read(Context ctx) {
        access.require(ctx, Role.VIEWER);
        return ctx;
    }

    private TraceService traces() {
        return agent.traces();
    }

    private static void answer(Context ctx, ChatResult result) {
        Problem problem = failure(result);
        if (problem != null) {
            ModelFailure model = result.failure();
            if (model != null && model.retryAfterSeconds() != null && problem.status() == 503) {
                ctx.header("Retry-After", String.valueOf(model.retryAfterSeconds()));
            }
            throw problem.toException();
        }
        ctx.json(body(result));
    }

    /** The problem a failed run answers with, or null when the run succeeded or waits for a decision. */
    private static @Nullable Problem failure(ChatResult result) {
        if (result.status() != RunStatus.FAILED) {
            return null;
        }
        ModelFailure model = result.failure();
        String code = result.errorCode() == null ? "run_failed" : result.errorCode();
        int status = model == null ? 502 : model.gatewayStatus();
        Problem problem = Problem.of(
                        status,
                        code.replace('_', '-'),
                        title(status, model),
                        String.valueOf(result.errorMessage()) + " (run " + result.runId() + " keeps the trace)")
                .with("code", code)
                .with("runId", result.runId())
                .with("conversationId", result.conversationId());
        if (model != null && model.retryAfterSeconds() != null) {
            problem = problem.with("retryAfterSeconds", model.retryAfterSeconds());
        }
        return problem;
    }

    private static String title(int status, @Nullable ModelFailure model) {
        if (model == null) {
            return "Agent run failed";
        }
        return status == 504 ? "Model timed out" : status == 503 ? "Model unavailable" : "Model call failed";
    }

    private static ObjectNode body(ChatResult result) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("conversationId", result.conversationId());
        json.put("runId", result.runId());
        json.put("mode", result.mode());
        json.put("status", result.status().wire());
        json.put("answer", result.answer());
        json.set("decision", result.decision());
        result.steps().forEach(step -> json.withArray("steps").add(TraceJson.step(step)));
        json.withArray("steps");
        ObjectNode usage = json.putObject("usage");
        usage.put("input", result.usage().input());
        usage.put("output", result.usage().output());
        usage.put("total", result.usage().total());
        result.warnings().forEach(json.withArray("warnings")::add);
        json.withArray("warnings");
        if (result.pending() != null) {
            ObjectNode pending = json.putObject("pendingConfirmation");
            pending.put("stepIndex", result.pending().stepIndex());
            pending.put("toolCallId", result.pending().toolCallId());
            pending.put("tool", result.pending().tool());
            pending.set("arguments", result.pending().arguments());
            pending.put("confirm", "/api/v1/runs/" + result.runId() + "/confirm");
        }
        return json;
    }

    private static void event(OutputStream out, String name, JsonNode data) {
        try {
            out.write(("event: " + name + "\ndata: " + Json.write(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client closed the event stream", e);
        }
    }

    private static Problem problem(AgentException e) {
        String detail = String.valueOf(e.getMessage());
        return switch (e.kind()) {
            case NOT_FOUND -> Problem.of(404, "not-found", "Not Found", detail);
            case CONFLICT -> Problem.of(409, "conflict", "Conflict", detail);
            case FORBIDDEN -> Problem.of(403, "forbidden", "Forbidden", detail);
            default -> Problem.badRequest("invalid-agent-request", "Invalid request", detail);
        };
    }

    private static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        Integer value = optionalInt(ctx, name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw Problem.badRequest(
                            "invalid-parameter",
                            "Invalid request parameter",
                            name + " must be between " + min + " and " + max)
                    .toException();
        }
        return value;
    }

    private static @Nullable Integer optionalInt(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw Problem.badRequest(
                            "invalid-parameter",
                            "Invalid request parameter",
                            name + " must be a whole number, got \"" + raw.toLowerCase(Locale.ROOT) + "\"")
                    .toException();
        }
    }
}
