package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.SuppressForbidden;
import dev.mcpver.auth.Caller;
import dev.mcpver.json.Json;
import dev.mcpver.migrate.Migration;
import dev.mcpver.migrate.MigrationPlan;
import dev.mcpver.migrate.MigrationService;
import dev.mcpver.migrate.MigrationStatus;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.tools.DeploymentJson;
import dev.mcpver.tools.DeploymentViews;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpver migrate plan|run|show|list|guide|recover}. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Plan, dry-run and run migrations of a deployment to another version, with automatic rollback.",
        synopsisSubcommandLabel = "COMMAND")
final class MigrateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(Map<String, String> env) {
        return new CommandLine(new MigrateCommand())
                .addSubcommand(new Plan(env))
                .addSubcommand(new Run(env))
                .addSubcommand(new Show(env))
                .addSubcommand(new ListMigrations(env))
                .addSubcommand(new Guide(env))
                .addSubcommand(new Recover(env));
    }

    @Override
    public void run() {
        Output.out(spec).print(Output.usage(spec));
    }

    @Command(name = "plan", mixinStandardHelpOptions = true, description = "Plan a migration and store the plan.")
    static final class Plan extends RollbackCommand.ToolCall {
        @Parameters(index = "0", paramLabel = "SERVER/ENV")
        String deployment = "";

        @Parameters(index = "1", paramLabel = "VERSION")
        String version = "";

        @Option(
                names = "--options",
                paramLabel = "JSON|@FILE",
                description = "smokeCalls, configRenames, configSet, allowBreaking, autoRollback, keepOldRunning, …")
        @Nullable
        String options;

        Plan(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "migration_plan";
        }

        @Override
        ObjectNode arguments() {
            ObjectNode args = args().put("deployment", deployment).put("toVersion", version);
            if (options != null) {
                args.set("options", DeployCommand.json(options));
            }
            return args;
        }
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description =
                    "Run (or --dry-run) a plan, or plan and run with --deployment/--to; shows a progress bar on stderr.")
    static final class Run implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        LocalFeature.Location location = new LocalFeature.Location();

        @Parameters(arity = "0..1", paramLabel = "PLAN", description = "a stored plan id")
        @Nullable
        String planId;

        @Option(names = "--deployment", paramLabel = "SERVER/ENV")
        @Nullable
        String deployment;

        @Option(names = "--to", paramLabel = "VERSION")
        @Nullable
        String to;

        @Option(names = "--options", paramLabel = "JSON|@FILE")
        @Nullable
        String options;

        @Option(names = "--dry-run", description = "Only the checks that change nothing.")
        boolean dryRun;

        @Option(names = "--yes", description = "Confirm a real run.")
        boolean yes;

        Run(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            CommandLine line = Objects.requireNonNull(spec).commandLine();
            if (!dryRun && !yes) {
                line.getErr()
                        .println("mcpver: a migration switches the deployment; re-run with --yes (or use --dry-run)");
                return Cli.INVALID;
            }
            try (LocalFeature feature = LocalFeature.open(env, location)) {
                MigrationService migrations = feature.wiring().migrations();
                Initiator who = new Initiator(Caller.localAdmin().subject(), "cli");
                String plan = planId != null ? planId : plan(migrations, who).id();
                Migration created = migrations.start(plan, dryRun, who);
                Migration done;
                try (AutoCloseable progress =
                        feature.wiring().feed().subscribe(new ProgressBar(line.getErr(), terminal(), created.id()))) {
                    done = migrations.run(created.id());
                }
                print(line.getOut(), DeploymentViews.migration(done, migrations.steps(done.id())));
                return done.status() == MigrationStatus.SUCCEEDED ? Cli.OK : Cli.NEGATIVE;
            }
        }

        private MigrationPlan plan(MigrationService migrations, Initiator who) {
            if (deployment == null || to == null) {
                throw new IllegalArgumentException("give a plan id, or --deployment SERVER/ENV and --to VERSION");
            }
            JsonNode parsed = options == null ? Json.mapper().missingNode() : DeployCommand.json(options);
            return migrations.plan(DeploymentId.parse(deployment), to, DeploymentJson.options(parsed), who);
        }

        @SuppressForbidden(reason = "the progress bar redraws one line only on an interactive terminal")
        private static boolean terminal() {
            return System.console() != null;
        }
    }

    static void print(PrintWriter out, JsonNode node) {
        out.println(Json.write(node));
        out.flush();
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a migration and its steps.")
    static final class Show extends RollbackCommand.ToolCall {
        @Parameters(paramLabel = "MIGRATION")
        String migration = "";

        Show(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "migration_get";
        }

        @Override
        ObjectNode arguments() {
            return args().put("migrationId", migration);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List migrations, newest first.")
    static final class ListMigrations extends RollbackCommand.ToolCall {
        @Option(names = "--deployment", paramLabel = "SERVER/ENV")
        @Nullable
        String deployment;

        ListMigrations(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "migration_list";
        }

        @Override
        ObjectNode arguments() {
            return deployment == null ? args() : args().put("deployment", deployment);
        }
    }

    @Command(
            name = "guide",
            mixinStandardHelpOptions = true,
            description = "The client migration guide of a migration, or between two registered versions.")
    static final class Guide extends RollbackCommand.ToolCall {
        @Parameters(arity = "0..1", paramLabel = "MIGRATION")
        @Nullable
        String migration;

        @Option(names = "--server")
        @Nullable
        String server;

        @Option(names = "--from", paramLabel = "VERSION")
        @Nullable
        String from;

        @Option(names = "--to", paramLabel = "VERSION")
        @Nullable
        String to;

        Guide(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "migration_guide";
        }

        @Override
        ObjectNode arguments() {
            if (migration != null) {
                return args().put("migrationId", migration);
            }
            if (server == null || from == null || to == null) {
                throw new IllegalArgumentException("give a migration id, or --server, --from and --to");
            }
            return args().put("server", server).put("fromVersion", from).put("toVersion", to);
        }
    }

    @Command(
            name = "recover",
            mixinStandardHelpOptions = true,
            description = "Finish migrations and restores a crash interrupted (the service does this at start).")
    static final class Recover implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        LocalFeature.Location location = new LocalFeature.Location();

        Recover(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            try (LocalFeature feature = LocalFeature.open(env, location)) {
                feature.wiring().recover();
                ObjectNode result = Json.mapper().createObjectNode();
                var list = result.putArray("migrations");
                feature.wiring().migrations().list(null, 20).forEach(m -> list.add(DeploymentViews.migration(m, null)));
                print(Objects.requireNonNull(spec).commandLine().getOut(), result);
                return Cli.OK;
            }
        }
    }
}
