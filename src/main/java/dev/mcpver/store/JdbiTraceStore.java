package dev.mcpver.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.agent.Blob;
import dev.mcpver.agent.Conversation;
import dev.mcpver.agent.PlannerKind;
import dev.mcpver.agent.ReplayDiff;
import dev.mcpver.agent.Run;
import dev.mcpver.agent.RunOrigin;
import dev.mcpver.agent.RunStatus;
import dev.mcpver.agent.Step;
import dev.mcpver.agent.StepKind;
import dev.mcpver.agent.TokenCounts;
import dev.mcpver.agent.TraceBundle;
import dev.mcpver.agent.TraceStore;
import dev.mcpver.auth.Role;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/** {@link TraceStore} on Jdbi: portable SQL for SQLite and PostgreSQL (migrations V10–V11). Thread-safe. */
public final class JdbiTraceStore implements TraceStore {
    private static final String RUN_COLUMNS = "id, conversation_id, origin, parent_run_id, fork_step_index,"
            + " previous_run_id, replay_mode, planner_kind, model_provider, model_id, status, error_code,"
            + " error_message, started_at, finished_at, duration_ms, input_tokens, output_tokens, total_tokens,"
            + " rounds, tool_errors, system_prompt_sha256, tool_catalog_sha256, engine_versions_json, final_answer,"
            + " caller_subject, caller_role";
    private static final String STEP_COLUMNS = "id, run_id, step_index, kind, parent_step_id, parent_index,"
            + " branch_id, round, seq, attempt, name, tool_call_id, status, error_type, error_message, retryable,"
            + " started_at, ended_at, duration_ms, input_tokens, output_tokens, total_tokens, finish_reason,"
            + " payload_json, payload_sha256";

    private final Jdbi jdbi;

    public JdbiTraceStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void createConversation(Conversation conversation) {
        jdbi.useHandle(handle -> insertConversation(handle, conversation));
    }

    @Override
    public Optional<Conversation> conversation(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, title, created_at, updated_at FROM conversations WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> conversationOf(rs))
                .findFirst());
    }

    @Override
    public List<Conversation> conversations(int limit, int offset) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT id, title, created_at, updated_at FROM conversations"
                                + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset")
                        .bind("limit", limit)
                        .bind("offset", offset)
                        .map((rs, ctx) -> conversationOf(rs))
                        .list());
    }

    @Override
    public void touchConversation(String id, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE conversations SET updated_at = :at WHERE id = :id")
                .bind("id", id)
                .bind("at", at.toString())
                .execute());
    }

    @Override
    public void createRun(Run run) {
        jdbi.useHandle(handle -> insertRun(handle, run));
    }

    @Override
    public void updateRun(Run run) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE runs SET status = :status, error_code = :errorCode,"
                        + " error_message = :errorMessage, finished_at = :finishedAt, duration_ms = :durationMs,"
                        + " input_tokens = :input, output_tokens = :output, total_tokens = :total, rounds = :rounds,"
                        + " tool_errors = :toolErrors, final_answer = :finalAnswer, model_id = :modelId,"
                        + " planner_kind = :plannerKind WHERE id = :id")
                .bind("id", run.id())
                .bind("status", run.status().wire())
                .bind("errorCode", run.errorCode())
                .bind("errorMessage", run.errorMessage())
                .bind("finishedAt", text(run.finishedAt()))
                .bind("durationMs", run.durationMs())
                .bind("input", run.usage().input())
                .bind("output", run.usage().output())
                .bind("total", run.usage().total())
                .bind("rounds", run.rounds())
                .bind("toolErrors", run.toolErrors())
                .bind("finalAnswer", run.finalAnswer())
                .bind("modelId", run.modelId())
                .bind("plannerKind", run.plannerKind().wire())
                .execute());
    }

    @Override
    public boolean transition(String runId, RunStatus from, RunStatus to) {
        return jdbi.withHandle(
                        handle -> handle.createUpdate("UPDATE runs SET status = :to WHERE id = :id AND status = :from")
                                .bind("id", runId)
                                .bind("from", from.wire())
                                .bind("to", to.wire())
                                .execute())
                == 1;
    }

    @Override
    public Optional<Run> run(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + RUN_COLUMNS + " FROM runs WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> runOf(rs))
                .findFirst());
    }

    @Override
    public List<Run> runs(String conversationId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + RUN_COLUMNS + " FROM runs WHERE conversation_id = :id ORDER BY started_at, id")
                .bind("id", conversationId)
                .map((rs, ctx) -> runOf(rs))
                .list());
    }

    @Override
    public StepWriter writer() {
        Handle handle = jdbi.open();
        return new StepWriter() {
            @Override
            public void append(Step step) {
                insertStep(handle, step);
            }

            @Override
            public void close() {
                handle.close();
            }
        };
    }

    @Override
    public List<Step> steps(String runId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + STEP_COLUMNS + " FROM steps WHERE run_id = :id ORDER BY step_index")
                .bind("id", runId)
                .map((rs, ctx) -> stepOf(rs))
                .list());
    }

    @Override
    public void putBlob(Blob blob) {
        jdbi.useHandle(handle -> insertBlob(handle, blob));
    }

    @Override
    public Optional<Blob> blob(String sha256) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT sha256, media_type, content FROM blobs WHERE sha256 = :sha")
                        .bind("sha", sha256)
                        .map((rs, ctx) -> new Blob(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .findFirst());
    }

    @Override
    public void saveDiffs(List<ReplayDiff> diffs) {
        jdbi.useTransaction(handle -> diffs.forEach(diff -> insertDiff(handle, diff)));
    }

    @Override
    public List<ReplayDiff> diffs(String replayRunId) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT replay_run_id, logical_key, kind, tool_name,"
                        + " original_step_id, replay_step_id, args_sha256, expected_sha256, actual_sha256,"
                        + " expected_json, actual_json FROM replay_diffs WHERE replay_run_id = :id")
                .bind("id", replayRunId)
                .map((rs, ctx) -> new ReplayDiff(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(JdbiTraceStore::diffOrder))
                .toList());
    }

    @Override
    public int interruptRunning(Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE runs SET status = 'interrupted',"
                        + " error_code = 'interrupted', error_message = :message, finished_at = :at"
                        + " WHERE status = 'running'")
                .bind("at", at.toString())
                .bind("message", "the process stopped while this run was in progress; recorded steps are kept")
                .execute());
    }

    @Override
    public void importConversation(TraceBundle bundle) {
        jdbi.useTransaction(handle -> {
            insertConversation(handle, bundle.conversation());
            bundle.blobs().forEach(blob -> insertBlob(handle, blob));
            for (TraceBundle.RunSteps runSteps : bundle.runs()) {
                insertRun(handle, runSteps.run());
                runSteps.steps().forEach(step -> insertStep(handle, step));
            }
        });
    }

    private static String diffOrder(ReplayDiff diff) {
        // r2.s10 after r2.s9: pad the numbers of the logical key
        StringBuilder key = new StringBuilder();
        for (String part : diff.logicalKey().split("\\.", -1)) {
            String digits = part.replaceAll("\\D", "");
            key.append(part.replaceAll("\\d", ""))
                    .append(
                            digits.isEmpty()
                                    ? ""
                                    : String.format(java.util.Locale.ROOT, "%08d", Long.parseLong(digits)))
                    .append('.');
        }
        return key.toString();
    }

    private static void insertConversation(Handle handle, Conversation conversation) {
        handle.createUpdate("INSERT INTO conversations(id, title, created_at, updated_at)"
                        + " VALUES (:id, :title, :createdAt, :updatedAt)")
                .bind("id", conversation.id())
                .bind("title", conversation.title())
                .bind("createdAt", conversation.createdAt().toString())
                .bind("updatedAt", conversation.updatedAt().toString())
                .execute();
    }

    private static void insertBlob(Handle handle, Blob blob) {
        handle.createUpdate("INSERT INTO blobs(sha256, media_type, content) VALUES (:sha, :type, :content)"
                        + " ON CONFLICT (sha256) DO NOTHING")
                .bind("sha", blob.sha256())
                .bind("type", blob.mediaType())
                .bind("content", blob.content())
                .execute();
    }

    private static void insertRun(Handle handle, Run run) {
        Update update = handle.createUpdate("INSERT INTO runs(" + RUN_COLUMNS + ") VALUES (:id, :conversationId,"
                + " :origin, :parentRunId, :forkStepIndex, :previousRunId, :replayMode, :plannerKind, :modelProvider,"
                + " :modelId, :status, :errorCode, :errorMessage, :startedAt, :finishedAt, :durationMs, :input,"
                + " :output, :total, :rounds, :toolErrors, :promptSha, :catalogSha, :engines, :finalAnswer,"
                + " :callerSubject, :callerRole)");
        update.bind("id", run.id())
                .bind("conversationId", run.conversationId())
                .bind("origin", run.origin().wire())
                .bind("parentRunId", run.parentRunId())
                .bind("forkStepIndex", run.forkStepIndex())
                .bind("previousRunId", run.previousRunId())
                .bind("replayMode", run.replayMode())
                .bind("plannerKind", run.plannerKind().wire())
                .bind("modelProvider", run.modelProvider())
                .bind("modelId", run.modelId())
                .bind("status", run.status().wire())
                .bind("errorCode", run.errorCode())
                .bind("errorMessage", run.errorMessage())
                .bind("startedAt", run.startedAt().toString())
                .bind("finishedAt", text(run.finishedAt()))
                .bind("durationMs", run.durationMs());
        update.bind("input", run.usage().input())
                .bind("output", run.usage().output())
                .bind("total", run.usage().total())
                .bind("rounds", run.rounds())
                .bind("toolErrors", run.toolErrors())
                .bind("promptSha", run.systemPromptSha256())
                .bind("catalogSha", run.toolCatalogSha256())
                .bind("engines", CanonicalJson.write(run.engineVersions()))
                .bind("finalAnswer", run.finalAnswer())
                .bind("callerSubject", run.callerSubject())
                .bind("callerRole", run.callerRole().wireName())
                .execute();
    }

    private static void insertStep(Handle handle, Step step) {
        Update update = handle.createUpdate("INSERT INTO steps(" + STEP_COLUMNS + ") VALUES (:id, :runId, :index,"
                + " :kind, :parentId, :parentIndex, :branchId, :round, :seq, :attempt, :name, :toolCallId, :status,"
                + " :errorType, :errorMessage, :retryable, :startedAt, :endedAt, :durationMs, :input, :output, :total,"
                + " :finishReason, :payload, :sha)");
        update.bind("id", step.id())
                .bind("runId", step.runId())
                .bind("index", step.index())
                .bind("kind", step.kind().wire())
                .bind("parentId", step.parentId())
                .bind("parentIndex", step.parentIndex())
                .bind("branchId", step.branchId())
                .bind("round", step.round())
                .bind("seq", step.seq())
                .bind("attempt", step.attempt())
                .bind("name", step.name())
                .bind("toolCallId", step.toolCallId())
                .bind("status", step.status())
                .bind("errorType", step.errorType())
                .bind("errorMessage", step.errorMessage());
        TokenCounts usage = step.usage();
        update.bind("retryable", step.retryable() == null ? null : (step.retryable() ? 1 : 0))
                .bind("startedAt", step.startedAt().toString())
                .bind("endedAt", text(step.endedAt()))
                .bind("durationMs", step.durationMs())
                .bind("input", usage == null ? null : usage.input())
                .bind("output", usage == null ? null : usage.output())
                .bind("total", usage == null ? null : usage.total())
                .bind("finishReason", step.finishReason())
                .bind("payload", CanonicalJson.write(step.payload()))
                .bind("sha", step.payloadSha256())
                .execute();
    }

    private static void insertDiff(Handle handle, ReplayDiff diff) {
        handle.createUpdate("INSERT INTO replay_diffs(replay_run_id, logical_key, kind, tool_name, original_step_id,"
                        + " replay_step_id, args_sha256, expected_sha256, actual_sha256, expected_json, actual_json)"
                        + " VALUES (:run, :key, :kind, :tool, :original, :replay, :args, :expected, :actual,"
                        + " :expectedJson, :actualJson)")
                .bind("run", diff.replayRunId())
                .bind("key", diff.logicalKey())
                .bind("kind", diff.kind())
                .bind("tool", diff.toolName())
                .bind("original", diff.originalStepId())
                .bind("replay", diff.replayStepId())
                .bind("args", diff.argsSha256())
                .bind("expected", diff.expectedSha256())
                .bind("actual", diff.actualSha256())
                .bind("expectedJson", diff.expectedJson())
                .bind("actualJson", diff.actualJson())
                .execute();
    }

    private static Conversation conversationOf(ResultSet rs) throws SQLException {
        return new Conversation(
                rs.getString("id"),
                rs.getString("title"),
                Instant.parse(rs.getString("created_at")),
                Instant.parse(rs.getString("updated_at")));
    }

    private static Run runOf(ResultSet rs) throws SQLException {
        return new Run(
                rs.getString("id"),
                rs.getString("conversation_id"),
                RunOrigin.fromWire(rs.getString("origin")),
                rs.getString("parent_run_id"),
                integer(rs, "fork_step_index"),
                rs.getString("previous_run_id"),
                rs.getString("replay_mode"),
                PlannerKind.fromWire(rs.getString("planner_kind")),
                rs.getString("model_provider"),
                rs.getString("model_id"),
                RunStatus.fromWire(rs.getString("status")),
                rs.getString("error_code"),
                rs.getString("error_message"),
                Instant.parse(rs.getString("started_at")),
                instant(rs, "finished_at"),
                longValue(rs, "duration_ms"),
                new TokenCounts(rs.getInt("input_tokens"), rs.getInt("output_tokens"), rs.getInt("total_tokens")),
                rs.getInt("rounds"),
                rs.getInt("tool_errors"),
                rs.getString("system_prompt_sha256"),
                rs.getString("tool_catalog_sha256"),
                Json.read(rs.getString("engine_versions_json")),
                rs.getString("final_answer"),
                rs.getString("caller_subject"),
                Role.fromWire(rs.getString("caller_role")).orElse(Role.VIEWER));
    }

    private static Step stepOf(ResultSet rs) throws SQLException {
        Integer input = integer(rs, "input_tokens");
        Integer retryable = integer(rs, "retryable");
        JsonNode payload = Json.read(rs.getString("payload_json"));
        return new Step(
                rs.getString("id"),
                rs.getString("run_id"),
                rs.getInt("step_index"),
                StepKind.fromWire(rs.getString("kind")),
                rs.getString("parent_step_id"),
                integer(rs, "parent_index"),
                rs.getString("branch_id"),
                integer(rs, "round"),
                integer(rs, "seq"),
                integer(rs, "attempt"),
                rs.getString("name"),
                rs.getString("tool_call_id"),
                rs.getString("status"),
                rs.getString("error_type"),
                rs.getString("error_message"),
                retryable == null ? null : retryable != 0,
                Instant.parse(rs.getString("started_at")),
                instant(rs, "ended_at"),
                longValue(rs, "duration_ms"),
                input == null ? null : new TokenCounts(input, rs.getInt("output_tokens"), rs.getInt("total_tokens")),
                rs.getString("finish_reason"),
                payload,
                rs.getString("payload_sha256"));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Long longValue(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Instant.parse(value);
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
