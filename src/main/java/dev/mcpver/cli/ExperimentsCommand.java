package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.abtest.Action;
import dev.mcpver.abtest.Analysis;
import dev.mcpver.abtest.ExperimentConflictException;
import dev.mcpver.abtest.ExperimentNotFoundException;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.ExperimentStatus;
import dev.mcpver.abtest.InvalidExperimentException;
import dev.mcpver.abtest.SampleSize;
import dev.mcpver.auth.Caller;
import dev.mcpver.json.ExperimentJson;
import dev.mcpver.json.Json;
import dev.mcpver.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcpver experiments …}: A/B experiments on the local database (the same one {@code serve} uses), printing
 * the HTTP API's JSON on one line. The local user acts as {@link Caller#localAdmin()}. Exit codes: 0 success, 1 not
 * found, a conflict, or (with {@code analysis --gate}) a rollback or halt decision, 2 invalid input.
 */
@Command(
        name = "experiments",
        mixinStandardHelpOptions = true,
        description = "A/B experiments of MCP server versions.",
        synopsisSubcommandLabel = "COMMAND")
final class ExperimentsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(Map<String, String> env) {
        CommandLine experiments = new CommandLine(new ExperimentsCommand());
        experiments.addSubcommand(new Create(env));
        experiments.addSubcommand(new ListCommand(env));
        experiments.addSubcommand(new Show(env));
        experiments.addSubcommand(new Start(env));
        experiments.addSubcommand(new Stop(env));
        experiments.addSubcommand(new AnalysisCommand(env));
        experiments.addSubcommand(new SampleSizeCommand());
        return experiments;
    }

    @Override
    public void run() {
        if (spec != null) {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Opens the database, runs against the service, prints JSON; maps the feature's failures to exit codes. */
    abstract static class DatabaseCommand implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Option(
                names = "--db",
                paramLabel = "PATH|URL",
                description = "SQLite file or jdbc:postgresql:// URL (env MCPVER_DB, default data/mcpver.db).")
        @Nullable
        String db;

        DatabaseCommand(Map<String, String> env) {
            this.env = env;
        }

        abstract int run(ExperimentService service, CommandLine line);

        @Override
        public Integer call() {
            CommandLine line = Objects.requireNonNull(spec).commandLine();
            Map<String, String> flags = new HashMap<>();
            if (db != null) {
                flags.put("db", db);
            }
            Database database = Database.openMigrated(AppConfig.load(env, flags).databaseUrl());
            try {
                return run(App.experiments(database, Clock.systemUTC()), line);
            } catch (ExperimentNotFoundException | ExperimentConflictException e) {
                line.getErr().println("mcpver: " + e.getMessage());
                return Cli.NEGATIVE;
            }
        }

        static int print(CommandLine line, JsonNode json) {
            line.getOut().println(Json.write(json));
            return Cli.OK;
        }

        static String actor() {
            return Caller.localAdmin().subject();
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a draft from a JSON file " + "(the body of POST /api/v1/experiments).")
    static final class Create extends DatabaseCommand {
        @Option(names = "--file", required = true, paramLabel = "FILE", description = "Experiment definition (JSON).")
        @Nullable
        Path file;

        Create(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(ExperimentService service, CommandLine line) {
            JsonNode body = readJson(Objects.requireNonNull(file));
            return print(line, ExperimentJson.experiment(service.create(ExperimentJson.spec(body), actor())));
        }

        private static JsonNode readJson(Path path) {
            try {
                return Json.mapper().readTree(Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InvalidExperimentException("", "cannot read " + path + " as JSON: " + e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List experiments, newest first.")
    static final class ListCommand extends DatabaseCommand {
        @Option(names = "--status", paramLabel = "STATUS", description = "Only draft, running, paused or stopped.")
        @Nullable
        String status;

        ListCommand(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(ExperimentService service, CommandLine line) {
            ExperimentStatus filter = status == null
                    ? null
                    : ExperimentStatus.fromWire(status)
                            .orElseThrow(() -> new InvalidExperimentException(
                                    "status", "expected draft, running, paused or stopped, got \"" + status + "\""));
            var list = Json.mapper().createArrayNode();
            service.list(filter).forEach(e -> list.add(ExperimentJson.experiment(e)));
            return print(line, list);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "An experiment with its counters.")
    static final class Show extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id = "";

        Show(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(ExperimentService service, CommandLine line) {
            return print(line, ExperimentJson.summary(service.summary(id)));
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start (or resume) an experiment.")
    static final class Start extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id = "";

        Start(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(ExperimentService service, CommandLine line) {
            return print(line, ExperimentJson.experiment(service.start(id, actor())));
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop an experiment for good.")
    static final class Stop extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id = "";

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded and audited).")
        String reason = "";

        @Option(names = "--winner", paramLabel = "KEY", description = "Variant traffic goes to from now on.")
        @Nullable
        String winner;

        Stop(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(ExperimentService service, CommandLine line) {
            return print(line, ExperimentJson.experiment(service.stop(id, actor(), reason, winner)));
        }
    }

    @Command(
            name = "analysis",
            mixinStandardHelpOptions = true,
            description =
                    "The statistical analysis and " + "decision (the JSON of GET /api/v1/experiments/{id}/analysis).")
    static final class AnalysisCommand extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id = "";

        @Option(names = "--gate", description = "Exit 1 when the decision is rollback or halt (for CI pipelines).")
        boolean gate;

        AnalysisCommand(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(ExperimentService service, CommandLine line) {
            Analysis analysis = service.analysis(id);
            print(line, ExperimentJson.analysis(analysis));
            Action action = analysis.decision().action();
            return gate && (action == Action.ROLLBACK || action == Action.HALT) ? Cli.NEGATIVE : Cli.OK;
        }
    }

    @Command(
            name = "sample-size",
            mixinStandardHelpOptions = true,
            description = "Samples per variant to detect " + "a minimum effect (no database needed).")
    static final class SampleSizeCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "binary or continuous.")
        String kind = "";

        @Option(names = "--baseline", required = true, paramLabel = "X", description = "Control rate or mean.")
        double baseline;

        @Option(names = "--mde", required = true, paramLabel = "X", description = "Minimum detectable effect.")
        double mde;

        @Option(names = "--mde-type", paramLabel = "TYPE", description = "absolute (default) or relative.")
        String mdeType = "absolute";

        @Option(names = "--alpha", paramLabel = "X", description = "Two-sided significance level (default 0.05).")
        double alpha = 0.05;

        @Option(names = "--power", paramLabel = "X", description = "Power (default 0.8).")
        double power = SampleSize.Request.DEFAULT_POWER;

        @Option(names = "--comparisons", paramLabel = "N", description = "Treatment-vs-control comparisons (1).")
        int comparisons = 1;

        @Option(names = "--stddev", paramLabel = "X", description = "Standard deviation (continuous metrics).")
        @Nullable
        Double stddev;

        @Override
        public Integer call() {
            ObjectNode body = Json.mapper()
                    .createObjectNode()
                    .put("kind", kind)
                    .put("baseline", baseline)
                    .put("mde", mde)
                    .put("mdeType", mdeType)
                    .put("alpha", alpha)
                    .put("power", power)
                    .put("comparisons", comparisons);
            if (stddev != null) {
                body.put("stddev", stddev);
            }
            SampleSize.Result result = SampleSize.compute(ExperimentJson.sampleSizeRequest(body));
            Objects.requireNonNull(spec).commandLine().getOut().println(Json.write(ExperimentJson.sampleSize(result)));
            return Cli.OK;
        }
    }
}
