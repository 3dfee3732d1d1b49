package dev.mcpver.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.store.Database;
import dev.mcpver.store.JdbiTraceStore;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The agent's speed bars (bench/agent/run.sh): the loop's own overhead per step with a zero-latency model and a no-op
 * tool (persisting, hashing, dispatching, history), and verify-replay of a ~200-step trace. Real SQLite (WAL) in a
 * temporary directory, real clock. Not a JUnit test: run by the script.
 */
public final class AgentBench {
    private static final int ROUNDS = 50; // 4 steps per round + user message + answer = 203 steps per run

    private AgentBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path directory = Files.createTempDirectory("mcpver-agent-bench");
        Database database = Database.openMigrated("jdbc:sqlite:" + directory.resolve("bench.db"));
        SequentialThinking thinking = new SequentialThinking();
        ToolCatalog catalog = new ToolCatalog(List.of(thinking.toolDef(), noop()));
        Agent agent = Agent.builder(
                        AgentSettings.defaults()
                                .withModel(java.net.URI.create("http://127.0.0.1:1/v1"), null, "bench/zero-latency")
                                .withLimits(0, ROUNDS + 1, java.time.Duration.ofSeconds(5)),
                        catalog,
                        new JdbiTraceStore(database),
                        thinking)
                .onlineModel(new ZeroLatencyModel())
                .build();
        Caller caller = new Caller("bench", Role.VIEWER);

        List<Long> perStep = new ArrayList<>();
        List<Long> replays = new ArrayList<>();
        List<Long> chats = new ArrayList<>();
        int steps = 0;
        for (int i = 0; i < runs * 2; i++) {
            boolean measured = i >= runs; // first half warms up the JIT
            List<Long> stamps = new ArrayList<>();
            long chatStart = System.nanoTime();
            ChatResult result = agent.chat(ChatInput.of("bench " + i), caller, step -> stamps.add(System.nanoTime()));
            long chatNanos = System.nanoTime() - chatStart;
            steps = result.steps().size();
            long start = System.nanoTime();
            ReplayResult replay = agent.replay(result.runId(), "verify", caller);
            long replayNanos = System.nanoTime() - start;
            if (!replay.status().equals(RunStatus.IDENTICAL)) {
                throw new IllegalStateException("replay diverged: " + replay.diffs());
            }
            if (measured) {
                for (int s = 1; s < stamps.size(); s++) {
                    perStep.add(stamps.get(s) - stamps.get(s - 1));
                }
                replays.add(replayNanos);
                chats.add(chatNanos);
            }
        }
        report(runs, steps, perStep, replays);
        Collections.sort(chats);
        System.out.printf(
                Locale.ROOT,
                "whole chat run of %d steps: median %.1f ms, p90 %.1f ms%n",
                steps,
                ms(percentile(chats, 50)),
                ms(percentile(chats, 90)));
    }

    private static void report(int runs, int steps, List<Long> perStep, List<Long> replays) {
        Collections.sort(perStep);
        Collections.sort(replays);
        System.out.printf(
                Locale.ROOT, "runs measured: %d (after %d warm-up runs), steps per run: %d%n", runs, runs, steps);
        System.out.printf(
                Locale.ROOT,
                "loop overhead per step: median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                ms(percentile(perStep, 50)),
                ms(percentile(perStep, 90)),
                ms(percentile(perStep, 99)),
                ms(perStep.get(perStep.size() - 1)));
        System.out.printf(
                Locale.ROOT,
                "verify replay of a %d-step trace: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                steps,
                ms(percentile(replays, 50)),
                ms(percentile(replays, 90)),
                ms(replays.get(replays.size() - 1)));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static ToolDef noop() {
        return ToolDef.readOnly(
                "noop",
                "No-op",
                "Returns its input.",
                Json.read("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}"),
                Json.read("{\"type\":\"object\"}"),
                (args, ctx) -> ToolOutcome.ok(args));
    }

    /** Answers instantly: one no-op tool call per round for {@link #ROUNDS} rounds, then text. */
    private static final class ZeroLatencyModel implements ChatModel {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            List<ChatMessage> messages = request.messages();
            int rounds = 0;
            for (int i = messages.size() - 1; i >= 0 && !(messages.get(i) instanceof UserMessage); i--) {
                if (messages.get(i) instanceof AiMessage) {
                    rounds++;
                }
            }
            AiMessage next = rounds < ROUNDS
                    ? AiMessage.from(ToolExecutionRequest.builder()
                            .id("b-" + rounds)
                            .name("noop")
                            .arguments("{\"n\":" + rounds + "}")
                            .build())
                    : AiMessage.from("done");
            return ChatResponse.builder()
                    .aiMessage(next)
                    .modelName("bench/zero-latency")
                    .tokenUsage(new TokenUsage(1, 1, 2))
                    .finishReason(next.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                    .build();
        }
    }
}
