package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.agent.AgentException;
import dev.mcpver.agent.TraceService;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The agent's stored traces as resources: {@code mcpver://conversations} (the latest conversations),
 * {@code mcpver://conversations/{id}} (every run of one conversation with its steps) and {@code mcpver://runs/{id}}
 * (one run with its own steps and, for a replay, its diffs) — so another agent can read how a decision was reached
 * before acting on it.
 */
public final class TraceResources implements ResourceSource {
    static final String CONVERSATIONS_URI = "mcpver://conversations";
    static final UriTemplate CONVERSATION = UriTemplate.of("mcpver://conversations/{id}");
    static final UriTemplate RUN = UriTemplate.of("mcpver://runs/{id}");
    private static final int LISTED = 100;

    private final TraceService traces;

    public TraceResources(TraceService traces) {
        this.traces = traces;
    }

    @Override
    public List<ResourceDescriptor> resources() {
        return List.of(ResourceDescriptor.json(
                CONVERSATIONS_URI,
                "conversations",
                "Agent conversations",
                "The latest " + LISTED + " agent conversations (id, title, created and updated times).",
                Role.VIEWER));
    }

    @Override
    public List<ResourceDescriptor> templates() {
        return List.of(
                ResourceDescriptor.json(
                        CONVERSATION.toString(),
                        "conversation_trace",
                        "A conversation's trace",
                        "Every run of one agent conversation with all its steps: thoughts, model calls, tool calls"
                                + " and results, in order.",
                        Role.VIEWER),
                ResourceDescriptor.json(
                        RUN.toString(),
                        "run_trace",
                        "One agent run",
                        "One agent run with its own steps (a fork also says how many it inherits) and, for a"
                                + " verify replay, every tool result that differed.",
                        Role.VIEWER));
    }

    @Override
    public Optional<ResourceContent> read(String uri, Caller caller) {
        if (uri.equals(CONVERSATIONS_URI)) {
            return Optional.of(ResourceContent.json(uri, traces.conversations(LISTED, 0)));
        }
        Optional<String> conversation = CONVERSATION.match(uri).map(values -> values.get("id"));
        if (conversation.isPresent()) {
            return stored(() -> traces.trace(conversation.get(), "flat")).map(json -> ResourceContent.json(uri, json));
        }
        return RUN.match(uri)
                .map(values -> values.get("id"))
                .flatMap(id -> stored(() -> traces.run(id)))
                .map(json -> ResourceContent.json(uri, json));
    }

    /** Unknown ids are "resource not found" for the client, not errors. */
    private static Optional<JsonNode> stored(Supplier<JsonNode> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (AgentException e) {
            if (e.kind() == AgentException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
