package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.json.Json;
import dev.mcpver.tools.DeploymentViews;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpver update schedule|list|show|cancel|decide|tick}: automated updates. */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = "Automated updates (immediate, rolling, blue_green, canary); the service runs them when due.",
        synopsisSubcommandLabel = "COMMAND")
final class UpdateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(Map<String, String> env) {
        return new CommandLine(new UpdateCommand())
                .addSubcommand(new Schedule(env))
                .addSubcommand(new ListUpdates(env))
                .addSubcommand(new Show(env))
                .addSubcommand(new Cancel(env))
                .addSubcommand(new Decide(env))
                .addSubcommand(new Tick(env));
    }

    @Override
    public void run() {
        Output.out(spec).print(Output.usage(spec));
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true, description = "Schedule an update described in JSON.")
    static final class Schedule extends RollbackCommand.ToolCall {
        @Parameters(
                paramLabel = "JSON|@FILE",
                description = "{deployment, toVersion, strategy, runAt, validationChecks,"
                        + " rollbackPolicy: {automatic_rollback: true}, blueGreen, canary, options}")
        String update = "";

        @Option(names = "--yes", description = "Confirm.")
        boolean yes;

        Schedule(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "update_schedule";
        }

        @Override
        ObjectNode arguments() {
            JsonNode node = DeployCommand.json(update);
            if (!node.isObject()) {
                throw new IllegalArgumentException("the update must be a JSON object");
            }
            return (ObjectNode) node;
        }

        @Override
        boolean yes() {
            return yes;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List updates, newest first.")
    static final class ListUpdates extends RollbackCommand.ToolCall {
        ListUpdates(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "update_list";
        }

        @Override
        ObjectNode arguments() {
            return args();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an update.")
    static final class Show extends RollbackCommand.ToolCall {
        @Parameters(paramLabel = "UPDATE")
        String update = "";

        Show(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "update_get";
        }

        @Override
        ObjectNode arguments() {
            return args().put("updateId", update);
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a scheduled update or a canary.")
    static final class Cancel extends RollbackCommand.ToolCall {
        @Parameters(paramLabel = "UPDATE")
        String update = "";

        Cancel(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "update_cancel";
        }

        @Override
        ObjectNode arguments() {
            return args().put("updateId", update);
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true, description = "Promote or roll back a canary.")
    static final class Decide extends RollbackCommand.ToolCall {
        @Parameters(index = "0", paramLabel = "UPDATE")
        String update = "";

        @Parameters(index = "1", paramLabel = "promote|rollback")
        String decision = "";

        @Option(names = "--reason")
        @Nullable
        String reason;

        @Option(names = "--yes", description = "Confirm.")
        boolean yes;

        Decide(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "update_decide";
        }

        @Override
        ObjectNode arguments() {
            ObjectNode args = args().put("updateId", update).put("decision", decision);
            return reason == null ? args : args.put("reason", reason);
        }

        @Override
        boolean yes() {
            return yes;
        }
    }

    @Command(
            name = "tick",
            mixinStandardHelpOptions = true,
            description = "Run due updates now in this process (without a running service, e.g. from cron).")
    static final class Tick implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        LocalFeature.Location location = new LocalFeature.Location();

        Tick(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            try (LocalFeature feature = LocalFeature.open(env, location)) {
                ObjectNode result = Json.mapper().createObjectNode();
                var array = result.putArray("updates");
                feature.wiring().updates().tick().forEach(u -> array.add(DeploymentViews.update(u)));
                MigrateCommand.print(Objects.requireNonNull(spec).commandLine().getOut(), result);
                return Cli.OK;
            }
        }
    }
}
