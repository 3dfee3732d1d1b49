package dev.mcpver.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.migrate.MigrationException;
import dev.mcpver.migrate.ServerStartException;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.InstallException;
import dev.mcpver.rollback.RollbackException;
import java.util.function.Supplier;

/** Turns the deployment engines' refusals into tool failures with stable codes. */
final class FeatureCalls {
    private FeatureCalls() {}

    static ToolOutcome guard(Supplier<JsonNode> call) {
        try {
            return ToolOutcome.ok(call.get());
        } catch (RollbackException e) {
            return ToolOutcome.failed(
                    e.reason() == RollbackException.Reason.NOT_FOUND ? "not_found" : "conflict",
                    String.valueOf(e.getMessage()));
        } catch (MigrationException e) {
            return ToolOutcome.failed(
                    switch (e.reason()) {
                        case NOT_FOUND -> "not_found";
                        case CONFLICT -> "conflict";
                        case INVALID -> "invalid_plan";
                    },
                    String.valueOf(e.getMessage()));
        } catch (InstallException e) {
            return ToolOutcome.failed("install_failed", String.valueOf(e.getMessage()));
        } catch (ServerStartException e) {
            return ToolOutcome.failed("server_start_failed", String.valueOf(e.getMessage()));
        }
    }

    static Initiator who(ToolContext ctx) {
        return new Initiator(ctx.caller().subject(), ctx.requestId());
    }

    static String text(JsonNode args, String field) {
        return args.get(field).asText();
    }
}
