package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.BuildInfo;
import dev.mcpver.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Read side of traces (replay mode (a)): conversations, runs and steps as flat lists or trees, the deterministic
 * export {@code conversations/<id>.json} (format version 1, docs/adr/0022), and import of such files. Thread-safe.
 */
public final class TraceService {
    private final TraceStore store;
    private final Function<Run, List<Step>> effectiveSteps;

    TraceService(TraceStore store, Function<Run, List<Step>> effectiveSteps) {
        this.store = store;
        this.effectiveSteps = effectiveSteps;
    }

    public JsonNode conversations(int limit, int offset) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("conversations");
        for (Conversation conversation : store.conversations(limit, offset)) {
            list.add(conversationJson(conversation, true));
        }
        return body;
    }

    /** The conversation with run summaries (no steps). */
    public JsonNode conversation(String id) {
        Conversation conversation = requireConversation(id);
        ObjectNode body = conversationJson(conversation, true);
        ArrayNode runs = body.putArray("runs");
        store.runs(id).forEach(run -> runs.add(withoutSteps(TraceJson.run(run, List.of()))));
        return body;
    }

    /** Every run with its own steps, flat ({@code view=flat}) or as trees of parent links ({@code view=tree}). */
    public JsonNode trace(String id, String view) {
        if (!view.equals("flat") && !view.equals("tree")) {
            throw AgentException.invalid("view must be flat or tree, not '" + view + "'");
        }
        ObjectNode body = conversationJson(requireConversation(id), true);
        ArrayNode runs = body.putArray("runs");
        for (Run run : store.runs(id)) {
            ObjectNode json = TraceJson.run(run, store.steps(run.id()));
            if (view.equals("tree")) {
                json.set("steps", tree(json.withArray("steps")));
            }
            runs.add(json);
        }
        return body;
    }

    /** The export file's text: deterministic for the same stored trace (fixed member order, 2-space indent, LF). */
    public String export(String id) {
        Conversation conversation = requireConversation(id);
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.put("formatVersion", TraceJson.FORMAT_VERSION);
        file.put("exportedBy", "mcpver/" + BuildInfo.version());
        file.set("conversation", conversationJson(conversation, false));
        ArrayNode runs = file.putArray("runs");
        TreeSet<String> blobs = new TreeSet<>();
        for (Run run : store.runs(id)) {
            runs.add(TraceJson.run(run, store.steps(run.id())));
            blobs.add(run.systemPromptSha256());
            blobs.add(run.toolCatalogSha256());
        }
        ObjectNode blobJson = file.putObject("blobs");
        for (String sha : blobs) {
            store.blob(sha).ifPresent(blob -> {
                ObjectNode entry = blobJson.putObject("sha256:" + sha);
                entry.put("mediaType", blob.mediaType());
                entry.put("content", blob.content());
            });
        }
        return JsJson.stringify(file) + "\n";
    }

    /** Loads an exported file; the conversation must not exist yet. Every step's hash is checked first. */
    public JsonNode importText(String text) {
        JsonNode file;
        try {
            file = Json.read(text);
        } catch (UncheckedIOException e) {
            throw AgentException.invalid("trace file is not JSON: " + e.getMessage());
        }
        TraceBundle bundle = bundle(file);
        if (store.conversation(bundle.conversation().id()).isPresent()) {
            throw AgentException.conflict(
                    "conversation " + bundle.conversation().id() + " exists already");
        }
        store.importConversation(bundle);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("conversationId", bundle.conversation().id());
        result.put("runs", bundle.runs().size());
        result.put(
                "steps",
                bundle.runs().stream().mapToInt(run -> run.steps().size()).sum());
        bundle.runs().forEach(run -> result.withArray("runIds").add(run.run().id()));
        return result;
    }

    /** A run with its own steps, plus how many it inherits (forks). */
    public JsonNode run(String runId) {
        Run run = requireRun(runId);
        ObjectNode json = TraceJson.run(run, store.steps(runId));
        json.put("inheritedSteps", run.firstOwnIndex());
        List<ReplayDiff> diffs = store.diffs(runId);
        if (run.origin() == RunOrigin.REPLAY) {
            ArrayNode list = json.putArray("diffs");
            diffs.forEach(diff -> list.add(diffJson(diff)));
        }
        return json;
    }

    /** The run's effective steps (a fork's inherited ones included), filtered by kind and index range. */
    public JsonNode steps(String runId, @Nullable String kind, @Nullable Integer from, @Nullable Integer to) {
        Run run = requireRun(runId);
        StepKind wanted = kind == null
                ? null
                : WireEnum.parse(StepKind.class, kind)
                        .orElseThrow(() -> AgentException.invalid("unknown step kind '" + kind + "'"));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("runId", runId);
        ArrayNode list = body.putArray("steps");
        for (Step step : effectiveSteps.apply(run)) {
            boolean inRange = (from == null || step.index() >= from) && (to == null || step.index() <= to);
            if (inRange && (wanted == null || step.kind() == wanted)) {
                list.add(TraceJson.step(step));
            }
        }
        return body;
    }

    /** The effective steps of a run, for tools and the CLI. */
    public List<Step> effectiveSteps(String runId) {
        return effectiveSteps.apply(requireRun(runId));
    }

    /** A run's whole trace: a fork's inherited prefix (recursively) followed by its own steps. */
    static List<Step> effectiveSteps(TraceStore store, Run run) {
        List<Step> own = store.steps(run.id());
        String parentId = run.parentRunId();
        if (run.origin() != RunOrigin.FORK || parentId == null) {
            return own;
        }
        Run parent = store.run(parentId).orElseThrow(() -> AgentException.notFound("run", parentId));
        List<Step> inherited = effectiveSteps(store, parent);
        List<Step> all = new ArrayList<>(inherited.subList(0, Math.min(run.firstOwnIndex(), inherited.size())));
        all.addAll(own);
        return java.util.Collections.unmodifiableList(all);
    }

    public Run requireRun(String runId) {
        return store.run(runId).orElseThrow(() -> AgentException.notFound("run", runId));
    }

    /** A replay difference as the API and the CLI show it. */
    public static ObjectNode diffJson(ReplayDiff diff) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("logicalKey", diff.logicalKey());
        json.put("kind", diff.kind());
        if (diff.toolName() != null) {
            json.put("tool", diff.toolName());
        }
        json.set(
                "expected",
                diff.expectedJson() == null ? JsonNodeFactory.instance.nullNode() : Json.read(diff.expectedJson()));
        json.set(
                "actual",
                diff.actualJson() == null ? JsonNodeFactory.instance.nullNode() : Json.read(diff.actualJson()));
        return json;
    }

    private Conversation requireConversation(String id) {
        return store.conversation(id).orElseThrow(() -> AgentException.notFound("conversation", id));
    }

    private static ObjectNode conversationJson(Conversation conversation, boolean withUpdated) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", conversation.id());
        json.put("title", conversation.title());
        json.put("createdAt", conversation.createdAt().toString());
        if (withUpdated) {
            json.put("updatedAt", conversation.updatedAt().toString());
        }
        return json;
    }

    private static ObjectNode withoutSteps(ObjectNode run) {
        run.remove("steps");
        return run;
    }

    /** Nests each step under its parent (a response under its request, a result under its call). */
    private static ArrayNode tree(ArrayNode flat) {
        Map<Integer, ObjectNode> byIndex = new HashMap<>();
        ArrayNode roots = JsonNodeFactory.instance.arrayNode();
        for (JsonNode node : flat) {
            ObjectNode step = ((ObjectNode) node).deepCopy();
            byIndex.put(step.get("index").asInt(), step);
            ObjectNode parent =
                    step.has("parent") ? byIndex.get(step.get("parent").asInt()) : null;
            (parent == null ? roots : parent.withArray("children")).add(step);
        }
        return roots;
    }

    private static TraceBundle bundle(JsonNode file) {
        int version = file.path("formatVersion").asInt(0);
        if (version < 1 || version > TraceJson.FORMAT_VERSION) {
            throw AgentException.invalid("trace file formatVersion " + version + " is not supported (1)");
        }
        JsonNode head = file.path("conversation");
        String id = head.path("id").asText("");
        if (id.isBlank()) {
            throw AgentException.invalid("trace file: missing conversation.id");
        }
        java.time.Instant created =
                java.time.Instant.parse(head.path("createdAt").asText("1970-01-01T00:00:00Z"));
        Conversation conversation = new Conversation(id, head.path("title").asText(id), created, created);
        Map<String, String> stepIds = new LinkedHashMap<>();
        List<TraceBundle.RunSteps> runs = new ArrayList<>();
        for (JsonNode runJson : file.path("runs")) {
            runs.add(runSteps(runJson, id, stepIds));
        }
        List<Blob> blobs = new ArrayList<>();
        file.path("blobs").properties().forEach(entry -> blobs.add(blob(entry.getKey(), entry.getValue())));
        return new TraceBundle(conversation, runs, blobs);
    }

    private static TraceBundle.RunSteps runSteps(JsonNode runJson, String conversationId, Map<String, String> stepIds) {
        Run run;
        try {
            run = TraceJson.readRun(runJson, conversationId);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw AgentException.invalid("trace file: run " + runJson.path("id").asText("?") + ": " + e.getMessage());
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode stepJson : runJson.path("steps")) {
            Step step = TraceJson.readStep(stepJson, run.id(), parent -> parentId(run, parent, stepIds));
            if (!step.hashMatches()) {
                throw AgentException.invalid("trace file: run " + run.id() + " step " + step.index()
                        + ": payload does not match its sha256");
            }
            stepIds.put(run.id() + "#" + step.index(), step.id());
            steps.add(step);
        }
        return new TraceBundle.RunSteps(run, steps);
    }

    /** A parent index resolves to this run's step, or (for a fork's inherited prefix) to its parent run's chain. */
    private static @Nullable String parentId(Run run, int parentIndex, Map<String, String> stepIds) {
        String own = stepIds.get(run.id() + "#" + parentIndex);
        if (own != null || run.origin() != RunOrigin.FORK || parentIndex >= run.firstOwnIndex()) {
            return own;
        }
        return run.parentRunId() == null ? null : stepIds.get(run.parentRunId() + "#" + parentIndex);
    }

    private static Blob blob(String key, JsonNode json) {
        String sha = key.startsWith("sha256:") ? key.substring(7) : key;
        try {
            return new Blob(
                    sha,
                    json.path("mediaType").asText("text/plain"),
                    json.path("content").asText());
        } catch (IllegalArgumentException e) {
            throw AgentException.invalid("trace file: blob " + key + ": " + e.getMessage());
        }
    }
}
