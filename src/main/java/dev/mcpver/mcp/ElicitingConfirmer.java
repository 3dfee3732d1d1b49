package dev.mcpver.mcp;

import dev.mcpver.tools.ToolDef;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the user through MCP elicitation ({@code elicitation/create}, form mode) when the client supports it. */
final class ElicitingConfirmer implements Confirmer {
    private static final Logger LOG = LoggerFactory.getLogger(ElicitingConfirmer.class);

    private final McpSyncServerExchange exchange;

    private ElicitingConfirmer(McpSyncServerExchange exchange) {
        this.exchange = exchange;
    }

    /** Elicitation for a client that declared the capability; {@link Confirmer#FLAG_ONLY} otherwise. */
    static Confirmer of(McpSyncServerExchange exchange) {
        McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
        if (capabilities == null || capabilities.elicitation() == null) {
            return FLAG_ONLY;
        }
        return new ElicitingConfirmer(exchange);
    }

    @Override
    public boolean canAsk() {
        return true;
    }

    @Override
    public Answer ask(ToolDef def, String argumentsJson) {
        McpSchema.ElicitRequest request = McpSchema.ElicitRequest.builder()
                .message("Allow mcpver to run \"" + def.title() + "\" (" + def.name() + ") with " + argumentsJson
                        + "? It changes state"
                        + (def.hints().destructive() ? " and may overwrite or delete data." : "."))
                .requestedSchema(schema(def))
                .build();
        try {
            McpSchema.ElicitResult result = exchange.createElicitation(request);
            Map<String, Object> content = result.content();
            boolean approved = result.action() == McpSchema.ElicitResult.Action.ACCEPT
                    && content != null
                    && Boolean.TRUE.equals(content.get(ToolAdapter.CONFIRM));
            return approved ? Answer.APPROVED : Answer.DECLINED;
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "MCP_ELICITATION_FAILED")
                    .addKeyValue("tool", def.name())
                    .setCause(e)
                    .log("could not ask the user to confirm {}", def.name());
            return Answer.DECLINED;
        }
    }

    private static Map<String, Object> schema(ToolDef def) {
        Map<String, Object> confirm = new LinkedHashMap<>();
        confirm.put("type", "boolean");
        confirm.put("title", "Run " + def.name());
        confirm.put("description", def.title() + " changes state. Approve to run it now.");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of(ToolAdapter.CONFIRM, confirm));
        schema.put("required", List.of(ToolAdapter.CONFIRM));
        return schema;
    }
}
