package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Caller;
import dev.mcpver.json.Json;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolContext;
import dev.mcpver.tools.ToolOutcome;
import java.io.PrintWriter;
import java.util.function.Predicate;

/**
 * Runs a catalog tool for a CLI command: prints the tool's JSON on stdout (one line), or one error line on stderr.
 * The local user of the CLI acts as {@link Caller#localAdmin()}: whoever can run the binary owns the data.
 */
final class ToolRunner {
    private final ToolCatalog catalog;

    ToolRunner(ToolCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Runs the tool and returns the exit code: 0 for success, 1 for a negative answer, 2 for invalid input.
     *
     * @param negative marks a successful answer that means "no" (exit 1), e.g. a version that does not satisfy
     */
    int run(String tool, JsonNode arguments, PrintWriter out, PrintWriter err, Predicate<JsonNode> negative) {
        ToolOutcome outcome = catalog.call(tool, arguments, ToolContext.of(Caller.localAdmin(), "cli"));
        if (outcome instanceof ToolOutcome.Ok ok) {
            out.println(Json.write(ok.result()));
            return negative.test(ok.result()) ? Cli.NEGATIVE : Cli.OK;
        }
        ToolOutcome.Failed failed = (ToolOutcome.Failed) outcome;
        err.println("mcpver: " + failed.message().replace('\n', ' '));
        return failed.code().equals("invalid_arguments") ? Cli.INVALID : Cli.NEGATIVE;
    }
}
