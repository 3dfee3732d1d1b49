package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.agent.Agent;
import dev.mcpver.agent.AgentException;
import dev.mcpver.agent.ChatInput;
import dev.mcpver.agent.ChatResult;
import dev.mcpver.agent.ReplayResult;
import dev.mcpver.agent.RunOrigin;
import dev.mcpver.agent.RunStatus;
import dev.mcpver.agent.Step;
import dev.mcpver.agent.StepKind;
import dev.mcpver.agent.TraceService;
import dev.mcpver.auth.Caller;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcpver chat}, {@code mcpver replay} and {@code mcpver export}: the agent in-process, on the database named by
 * {@code --db}, with the same object graph as the server ({@link App}), acting as the local admin.
 */
final class AgentCommands {
    private AgentCommands() {}

    static List<Object> all(Map<String, String> env) {
        return List.of(new Chat(env), new Replay(env), new Export(env));
    }

    /** The server's object graph without starting it: the agent and its catalog exactly as {@code serve} has them. */
    private static App app(Map<String, String> env, Local.DbOption db, @Nullable String databaseUrl) {
        Map<String, String> flags = new HashMap<>();
        if (db.db != null) {
            flags.put("db", db.db);
        }
        if (!env.containsKey("MCPVER_LOG_LEVEL")) {
            flags.put("log-level", "warn");
        }
        AppConfig config = AppConfig.load(env, flags);
        return new App(databaseUrl == null ? config : config.withDatabaseUrl(databaseUrl));
    }

    private static int agentError(PrintWriter err, AgentException e) {
        err.println("mcpver: " + e.getMessage());
        boolean badInput = e.kind() == AgentException.Kind.INVALID || e.kind() == AgentException.Kind.NOT_FOUND;
        return badInput ? Cli.INVALID : Cli.NEGATIVE;
    }

    @Command(
            name = "chat",
            mixinStandardHelpOptions = true,
            description = "Ask the agent; prints each step as it is recorded, then the answer.")
    static final class Chat implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        Local.DbOption db = new Local.DbOption();

        @Option(names = "--conversation", paramLabel = "ID", description = "Continue this conversation.")
        @Nullable
        String conversation;

        @Option(names = "--mode", paramLabel = "MODE", description = "auto (default), online or offline.")
        @Nullable
        String mode;

        @Option(names = "--model", paramLabel = "MODEL", description = "Online model id (default MCPVER_LLM_MODEL).")
        @Nullable
        String model;

        @Option(names = "--json", description = "Print only the result as JSON (the HTTP API's shape).")
        boolean json;

        @Parameters(paramLabel = "MESSAGE", arity = "1..*", description = "The question.")
        List<String> words = List.of();

        Chat(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            PrintWriter out = Output.out(spec);
            Agent agent = app(env, db, null).agent();
            ChatInput input = new ChatInput(conversation, String.join(" ", words), mode, model);
            ChatResult result;
            try {
                result = agent.chat(input, Caller.localAdmin(), step -> {
                    if (!json) {
                        out.println(StepLines.of(step));
                        out.flush();
                    }
                });
            } catch (AgentException e) {
                return agentError(Output.err(spec), e);
            }
            return report(out, result);
        }

        private int report(PrintWriter out, ChatResult result) {
            if (json) {
                Output.json(out, summary(result));
            } else {
                result.warnings().forEach(warning -> out.println("note: " + warning));
                out.println();
                out.println(
                        result.answer() == null
                                ? "(no answer: " + result.status().wire() + ")"
                                : result.answer());
                out.println();
                out.println("conversation " + result.conversationId() + ", run " + result.runId() + " (" + result.mode()
                        + ", " + result.status().wire() + ")");
            }
            if (result.status() == RunStatus.FAILED) {
                return Output.negative(Output.err(spec), result.errorCode() + ": " + result.errorMessage());
            }
            return Cli.OK;
        }

        private static JsonNode summary(ChatResult result) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("conversationId", result.conversationId());
            json.put("runId", result.runId());
            json.put("mode", result.mode());
            json.put("status", result.status().wire());
            json.put("answer", result.answer());
            json.put("steps", result.steps().size());
            result.warnings().forEach(json.withArray("warnings")::add);
            if (result.errorCode() != null) {
                json.put("errorCode", result.errorCode());
            }
            return json;
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = "Show a run's trace, or with --verify re-run its tools against the recorded model outputs"
                    + " and report every result that changed. A .json file (an export) is replayed in a temporary"
                    + " database; exit 1 when any run diverged.")
    static final class Replay implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        Local.DbOption db = new Local.DbOption();

        @Option(names = "--verify", description = "Verify instead of printing the trace.")
        boolean verify;

        @Option(names = "--mode", paramLabel = "MODE", description = "verify (default) or rerun (offline runs).")
        String mode = "verify";

        @Parameters(paramLabel = "RUN_ID|FILE", description = "A run id, or an exported conversations/<id>.json.")
        String target = "";

        Replay(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws IOException {
            Path file = Path.of(target);
            if (!target.endsWith(".json") || !Files.isRegularFile(file)) {
                return onRuns(app(env, db, null).agent(), List.of(target));
            }
            Path scratch = Files.createTempDirectory("mcpver-replay");
            try {
                Agent agent = app(env, db, "jdbc:sqlite:" + scratch.resolve("replay.db"))
                        .agent();
                JsonNode imported;
                try {
                    imported = agent.traces().importText(Files.readString(file, StandardCharsets.UTF_8));
                } catch (AgentException e) {
                    return agentError(Output.err(spec), e);
                }
                List<String> runs = new java.util.ArrayList<>();
                imported.path("runIds").forEach(id -> runs.add(id.asText()));
                return onRuns(
                        agent,
                        runs.stream()
                                .filter(id -> replayable(agent.traces(), id))
                                .toList());
            } finally {
                delete(scratch);
            }
        }

        private int onRuns(Agent agent, List<String> runIds) {
            int exit = Cli.OK;
            for (String runId : runIds) {
                try {
                    exit = Math.max(exit, verify ? verifyRun(agent, runId) : printRun(agent.traces(), runId));
                } catch (AgentException e) {
                    return agentError(Output.err(spec), e);
                }
            }
            return exit;
        }

        private int verifyRun(Agent agent, String runId) {
            ReplayResult result = agent.replay(runId, mode, Caller.localAdmin());
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("runId", runId);
            json.put("replayRunId", result.replayRunId());
            json.put("status", result.status().wire());
            result.diffs().forEach(diff -> json.withArray("diffs").add(TraceService.diffJson(diff)));
            result.notes().forEach(json.withArray("notes")::add);
            Output.json(Output.out(spec), json);
            if (result.status() == RunStatus.IDENTICAL) {
                return Cli.OK;
            }
            return Output.negative(
                    Output.err(spec),
                    "run " + runId + " diverged: " + result.diffs().size()
                            + " tool result(s) changed; re-record the conversation if the change is intended");
        }

        private int printRun(TraceService traces, String runId) {
            PrintWriter out = Output.out(spec);
            out.println(
                    "run " + runId + " (" + traces.requireRun(runId).status().wire() + ")");
            traces.effectiveSteps(runId).forEach(step -> out.println(StepLines.of(step)));
            return Cli.OK;
        }

        private static boolean replayable(TraceService traces, String runId) {
            RunOrigin origin = traces.requireRun(runId).origin();
            long users = traces.effectiveSteps(runId).stream()
                    .map(Step::kind)
                    .filter(kind -> kind == StepKind.USER_MESSAGE)
                    .count();
            return (origin == RunOrigin.CHAT || origin == RunOrigin.FORK) && users == 1;
        }

        private static void delete(Path directory) throws IOException {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write a conversation in the deterministic trace format (stdout, or DIR/<id>.json).")
    static final class Export implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        Local.DbOption db = new Local.DbOption();

        @Option(
                names = "--dir",
                paramLabel = "DIR",
                description = "Write DIR/<conversation-id>.json instead of stdout.")
        @Nullable
        Path dir;

        @Parameters(paramLabel = "CONVERSATION_ID", description = "The conversation to export.")
        String conversation = "";

        Export(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            String text;
            try {
                text = app(env, db, null).agent().traces().export(conversation);
            } catch (AgentException e) {
                return agentError(Output.err(spec), e);
            }
            if (dir == null) {
                Output.out(spec).print(text);
                Output.out(spec).flush();
                return Cli.OK;
            }
            Path file = dir.resolve(conversation + ".json");
            try {
                Files.createDirectories(dir);
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            Output.out(spec).println(file);
            return Cli.OK;
        }
    }
}
