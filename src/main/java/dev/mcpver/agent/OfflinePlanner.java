package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.mcpver.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The offline planner: a {@link ChatModel} that answers from deterministic intent rules instead of a language model,
 * so the agent works with no key and no network. Each call reads the last user message and the results of its own
 * earlier calls (ids {@code off-<round>-<seq>}) and returns the next turn: a kickoff thought, the intent's tool
 * stages, a closing thought, then the labelled answer. No clocks, no randomness: the same conversation always gets
 * the same turns. Immutable and thread-safe.
 */
public final class OfflinePlanner implements ChatModel {
    public static final String MODEL_ID = "offline/rules-v1";
    public static final String LABEL = "Offline planner (deterministic rules, no language model): ";
    static final String CALL_PREFIX = "off-";

    private final List<Intent> intents;

    public OfflinePlanner(List<Intent> intents) {
        this.intents = List.copyOf(intents);
    }

    /** The intents usable with these tools, in table order. */
    public List<Intent> available(Set<String> tools) {
        return intents.stream()
                .filter(intent -> tools.containsAll(intent.requiredTools()))
                .toList();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Turn turn = Turn.of(request.messages());
        Set<String> tools = new HashSet<>();
        for (ToolSpecification spec : request.toolSpecifications()) {
            tools.add(spec.name());
        }
        AiMessage next = next(turn, tools);
        return ChatResponse.builder()
                .aiMessage(next)
                .modelName(MODEL_ID)
                .tokenUsage(new TokenUsage(0, 0, 0))
                .finishReason(next.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

    private AiMessage next(Turn turn, Set<String> tools) {
        ParsedRequest request = ParsedRequest.parse(turn.userText);
        Optional<Intent> intent =
                available(tools).stream().filter(i -> i.matches(request)).findFirst();
        IntentPlan plan = intent.map(i -> i.plan(request)).orElseGet(() -> fallback(tools));
        boolean thinking = tools.contains(SequentialThinking.NAME);
        int round = turn.assistantTurns + 1;
        if (thinking && turn.thoughts == 0) {
            return calls(round, List.of(thought(kickoff(intent, request, plan), 1, false)));
        }
        List<IntentPlan.Call> stage = plan.nextStage(turn.results);
        if (!stage.isEmpty()) {
            return calls(round, stage);
        }
        String answer = plan.answer(turn.results);
        if (thinking && turn.thoughts == 1) {
            return calls(round, List.of(thought("Conclusion: " + firstSentence(answer), 2, true)));
        }
        return AiMessage.from(LABEL + answer);
    }

    private IntentPlan fallback(Set<String> tools) {
        List<String> examples = new ArrayList<>();
        available(tools).forEach(intent -> examples.addAll(intent.examples()));
        String answer = examples.isEmpty()
                ? "I could not map this request to a version operation, and no SemVer tools are available offline."
                : "I could not map this request to a version operation I can run without a language model. Try for"
                        + " example: " + String.join(" / ", examples.subList(0, Math.min(3, examples.size())));
        return IntentPlan.fixed("no intent matched: ask for a clearer request", List.of(), results -> answer);
    }

    private static String kickoff(Optional<Intent> intent, ParsedRequest request, IntentPlan plan) {
        StringBuilder text = new StringBuilder("Parsed request: intent ")
                .append(intent.map(Intent::name).orElse("none"));
        request.server().ifPresent(server -> text.append("; server ").append(server));
        if (!request.versions().isEmpty()) {
            text.append("; versions ").append(String.join(", ", request.versions()));
        }
        if (!request.ranges().isEmpty()) {
            text.append("; ranges ").append(String.join(", ", request.ranges()));
        }
        return text.append(". Plan: ").append(plan.summary()).append('.').toString();
    }

    private static IntentPlan.Call thought(String text, int number, boolean last) {
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        arguments.put("thought", text);
        arguments.put("nextThoughtNeeded", !last);
        arguments.put("thoughtNumber", number);
        arguments.put("totalThoughts", 2);
        return new IntentPlan.Call(SequentialThinking.NAME, arguments);
    }

    private static AiMessage calls(int round, List<IntentPlan.Call> calls) {
        List<ToolExecutionRequest> requests = new ArrayList<>();
        for (int seq = 1; seq <= calls.size(); seq++) {
            IntentPlan.Call call = calls.get(seq - 1);
            requests.add(ToolExecutionRequest.builder()
                    .id(CALL_PREFIX + round + "-" + seq)
                    .name(call.tool())
                    .arguments(Json.write(call.arguments()))
                    .build());
        }
        return AiMessage.from(requests);
    }

    private static String firstSentence(String answer) {
        int end = answer.indexOf(". ");
        return end < 0 ? answer : answer.substring(0, end + 1);
    }

    /** What this run's messages tell the planner: the user's text, its own turns so far and their results. */
    private static final class Turn {
        private String userText = "";
        private int assistantTurns;
        private int thoughts;
        private final List<IntentPlan.ToolResult> results = new ArrayList<>();

        static Turn of(List<ChatMessage> messages) {
            int lastUser = -1;
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i) instanceof UserMessage) {
                    lastUser = i;
                }
            }
            Turn turn = new Turn();
            if (lastUser >= 0) {
                UserMessage user = (UserMessage) messages.get(lastUser);
                turn.userText = user.hasSingleText() ? user.singleText() : "";
                turn.read(messages.subList(lastUser + 1, messages.size()));
            }
            return turn;
        }

        private void read(List<ChatMessage> after) {
            Map<String, ToolExecutionRequest> ownCalls = new HashMap<>();
            for (ChatMessage message : after) {
                if (message instanceof AiMessage ai) {
                    assistantTurns++;
                    if (ai.hasToolExecutionRequests()) {
                        ai.toolExecutionRequests().stream()
                                .filter(call -> call.id().startsWith(CALL_PREFIX))
                                .forEach(call -> ownCalls.put(call.id(), call));
                    }
                } else if (message instanceof ToolExecutionResultMessage result && ownCalls.containsKey(result.id())) {
                    record(ownCalls.get(result.id()), result);
                }
            }
        }

        private void record(ToolExecutionRequest call, ToolExecutionResultMessage result) {
            if (SequentialThinking.NAME.equals(call.name())) {
                thoughts++;
                return;
            }
            JsonNode arguments = Messages.parseArguments(call.arguments());
            IntentPlan.Call planned = new IntentPlan.Call(
                    call.name(), arguments == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) arguments);
            boolean error = Boolean.TRUE.equals(result.isError());
            results.add(new IntentPlan.ToolResult(
                    planned, !error, error ? errorNode(result.text()) : Json.read(result.text())));
        }

        private static JsonNode errorNode(String text) {
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            int colon = text.indexOf(": ");
            error.put("code", colon < 0 ? "tool_failed" : text.substring(0, colon));
            error.put("message", colon < 0 ? text : text.substring(colon + 2));
            return error;
        }
    }
}
