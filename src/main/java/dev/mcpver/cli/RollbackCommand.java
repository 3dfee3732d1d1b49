package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpver rollback create|list|show|verify|restore|confirm|undo|prune|history}. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Rollback points: content-addressed snapshots of a deployment's release.",
        synopsisSubcommandLabel = "COMMAND")
final class RollbackCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(Map<String, String> env) {
        return new CommandLine(new RollbackCommand())
                .addSubcommand(new Create(env))
                .addSubcommand(new ListPoints(env))
                .addSubcommand(new Show(env))
                .addSubcommand(new Verify(env))
                .addSubcommand(new Restore(env))
                .addSubcommand(new Confirm(env))
                .addSubcommand(new Undo(env))
                .addSubcommand(new Prune(env))
                .addSubcommand(new History(env));
    }

    @Override
    public void run() {
        Output.out(spec).print(Output.usage(spec));
    }

    /** One tool call: the arguments, the tool, whether the answer is negative. */
    abstract static class ToolCall implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        LocalFeature.Location location = new LocalFeature.Location();

        ToolCall(Map<String, String> env) {
            this.env = env;
        }

        abstract String tool();

        abstract ObjectNode arguments();

        boolean yes() {
            return false;
        }

        Predicate<JsonNode> negative() {
            return result -> false;
        }

        @Override
        public Integer call() {
            CommandLine line = Objects.requireNonNull(spec).commandLine();
            try (LocalFeature feature = LocalFeature.open(env, location)) {
                return feature.run(tool(), arguments(), yes(), line.getOut(), line.getErr(), negative());
            }
        }

        static ObjectNode args() {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Snapshot the active release of a deployment.")
    static final class Create extends ToolCall {
        @Parameters(paramLabel = "DEPLOYMENT", description = "server/environment")
        String deployment = "";

        @Option(names = "--description", description = "Why the point is taken.")
        @Nullable
        String description;

        @Option(names = "--tag", description = "A label (repeatable).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--ttl-hours", description = "Lifetime (default MCPVER_ROLLBACK_MAX_AGE).")
        @Nullable
        Integer ttlHours;

        Create(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "rollback_create";
        }

        @Override
        ObjectNode arguments() {
            ObjectNode args = args().put("deployment", deployment);
            if (description != null) {
                args.put("description", description);
            }
            tags.forEach(args.putArray("tags")::add);
            if (ttlHours != null) {
                args.put("ttlHours", ttlHours);
            }
            return args;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List rollback points, newest first.")
    static final class ListPoints extends ToolCall {
        @Option(names = "--deployment", paramLabel = "SERVER/ENV", description = "Only this deployment.")
        @Nullable
        String deployment;

        ListPoints(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "rollback_list";
        }

        @Override
        ObjectNode arguments() {
            return deployment == null ? args() : args().put("deployment", deployment);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a point with its record and manifest.")
    static final class Show extends ToolCall {
        @Parameters(paramLabel = "POINT")
        String point = "";

        Show(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "rollback_get";
        }

        @Override
        ObjectNode arguments() {
            return args().put("pointId", point);
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Re-hash every blob of a point; exit 1 naming missing or corrupted files.")
    static final class Verify extends ToolCall {
        @Parameters(paramLabel = "POINT")
        String point = "";

        Verify(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "rollback_verify";
        }

        @Override
        ObjectNode arguments() {
            return args().put("pointId", point);
        }

        @Override
        Predicate<JsonNode> negative() {
            return result -> !result.path("ok").asBoolean();
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Restore a point into a fresh directory and switch to it (undo until confirmed).")
    static final class Restore extends ToolCall {
        @Parameters(paramLabel = "POINT")
        String point = "";

        @Option(names = "--yes", description = "Confirm the switch.")
        boolean yes;

        Restore(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "rollback_restore";
        }

        @Override
        ObjectNode arguments() {
            return args().put("pointId", point);
        }

        @Override
        boolean yes() {
            return yes;
        }

        @Override
        Predicate<JsonNode> negative() {
            return result -> !result.path("restored").asBoolean();
        }
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true, description = "Accept a restore (no more undo).")
    static final class Confirm extends ToolCall {
        @Parameters(paramLabel = "RESTORE", description = "the restore's execution id")
        String restore = "";

        Confirm(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "rollback_confirm";
        }

        @Override
        ObjectNode arguments() {
            return args().put("restoreId", restore);
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true, description = "Switch back from an unconfirmed restore.")
    static final class Undo extends ToolCall {
        @Parameters(paramLabel = "RESTORE", description = "the restore's execution id")
        String restore = "";

        @Option(names = "--yes", description = "Confirm the switch.")
        boolean yes;

        Undo(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "rollback_undo";
        }

        @Override
        ObjectNode arguments() {
            return args().put("restoreId", restore);
        }

        @Override
        boolean yes() {
            return yes;
        }
    }

    @Command(
            name = "prune",
            mixinStandardHelpOptions = true,
            description = "Apply retention and delete unreferenced blobs (--dry-run lists what would go).")
    static final class Prune extends ToolCall {
        @Option(names = "--deployment", paramLabel = "SERVER/ENV", description = "Only this deployment.")
        @Nullable
        String deployment;

        @Option(names = "--dry-run", description = "Change nothing.")
        boolean dryRun;

        @Option(names = "--yes", description = "Confirm the deletion.")
        boolean yes;

        Prune(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "rollback_prune";
        }

        @Override
        ObjectNode arguments() {
            ObjectNode args = args().put("dryRun", dryRun);
            return deployment == null ? args : args.put("deployment", deployment);
        }

        @Override
        boolean yes() {
            return yes || dryRun;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Rollback executions, newest first.")
    static final class History extends ToolCall {
        @Option(names = "--deployment", paramLabel = "SERVER/ENV")
        @Nullable
        String deployment;

        @Option(names = "--point", paramLabel = "POINT")
        @Nullable
        String point;

        History(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "rollback_history";
        }

        @Override
        ObjectNode arguments() {
            ObjectNode args = args();
            if (deployment != null) {
                args.put("deployment", deployment);
            }
            return point == null ? args : args.put("pointId", point);
        }
    }
}
