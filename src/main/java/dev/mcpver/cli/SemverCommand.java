package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcpver semver …}: the SemVer tools from the command line, printing the same JSON as the HTTP API.
 * Exit codes: 0 success or "true", 1 "false" (does not satisfy, nothing matches), 2 invalid input.
 */
@Command(
        name = "semver",
        mixinStandardHelpOptions = true,
        description = "SemVer operations with node-semver 7.8.6 semantics (strict mode).",
        synopsisSubcommandLabel = "COMMAND")
final class SemverCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(ToolRunner runner) {
        CommandLine semver = new CommandLine(new SemverCommand());
        semver.addSubcommand(new Parse(runner));
        semver.addSubcommand("compare", VersionPair.named(runner, "semver_compare", "Compare precedence: -1, 0 or 1."));
        semver.addSubcommand(new Satisfies(runner));
        semver.addSubcommand(new RangeCommand(runner));
        semver.addSubcommand(new Resolve(runner));
        semver.addSubcommand(new Next(runner));
        semver.addSubcommand(
                "diff", VersionPair.named(runner, "semver_diff", "The most significant difference, or null."));
        return semver;
    }

    @Override
    public void run() {
        if (spec != null) {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Shared plumbing: build the arguments, run the tool, print, map the exit code. */
    abstract static class ToolCommand implements Callable<Integer> {
        private final ToolRunner runner;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        ToolCommand(ToolRunner runner) {
            this.runner = runner;
        }

        abstract String tool();

        abstract JsonNode arguments();

        Predicate<JsonNode> negative() {
            return result -> false;
        }

        @Override
        public Integer call() {
            CommandLine line = java.util.Objects.requireNonNull(spec).commandLine();
            return runner.run(tool(), arguments(), line.getOut(), line.getErr(), negative());
        }

        static ObjectNode args() {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    @Command(name = "parse", mixinStandardHelpOptions = true, description = "Parse a version into its parts.")
    static final class Parse extends ToolCommand {
        @Parameters(paramLabel = "VERSION")
        String version = "";

        Parse(ToolRunner runner) {
            super(runner);
        }

        @Override
        String tool() {
            return "semver_parse";
        }

        @Override
        JsonNode arguments() {
            return args().put("version", version);
        }
    }

    /** {@code compare A B} and {@code diff A B}: the same shape, a different tool. */
    @Command(mixinStandardHelpOptions = true)
    static final class VersionPair extends ToolCommand {
        private final String tool;

        @Parameters(index = "0", paramLabel = "A")
        String a = "";

        @Parameters(index = "1", paramLabel = "B")
        String b = "";

        VersionPair(ToolRunner runner, String tool) {
            super(runner);
            this.tool = tool;
        }

        static CommandLine named(ToolRunner runner, String tool, String description) {
            CommandLine command = new CommandLine(new VersionPair(runner, tool));
            command.getCommandSpec().usageMessage().description(description);
            return command;
        }

        @Override
        String tool() {
            return tool;
        }

        @Override
        JsonNode arguments() {
            return args().put("a", a).put("b", b);
        }
    }

    @Command(
            name = "satisfies",
            mixinStandardHelpOptions = true,
            description = "Does VERSION satisfy RANGE? Exit 1 when not.")
    static final class Satisfies extends ToolCommand {
        @Parameters(index = "0", paramLabel = "VERSION")
        String version = "";

        @Parameters(index = "1", paramLabel = "RANGE")
        String range = "";

        Satisfies(ToolRunner runner) {
            super(runner);
        }

        @Override
        String tool() {
            return "semver_satisfies";
        }

        @Override
        JsonNode arguments() {
            return args().put("version", version).put("range", range);
        }

        @Override
        Predicate<JsonNode> negative() {
            return result -> !result.get("satisfies").asBoolean();
        }
    }

    @Command(name = "range", mixinStandardHelpOptions = true, description = "Validate and normalize a range.")
    static final class RangeCommand extends ToolCommand {
        @Parameters(paramLabel = "RANGE")
        String range = "";

        RangeCommand(ToolRunner runner) {
            super(runner);
        }

        @Override
        String tool() {
            return "semver_range";
        }

        @Override
        JsonNode arguments() {
            return args().put("range", range);
        }
    }

    @Command(
            name = "resolve",
            mixinStandardHelpOptions = true,
            description = "Which VERSIONs satisfy RANGE? Exit 1 when none.")
    static final class Resolve extends ToolCommand {
        @Parameters(index = "0", paramLabel = "RANGE")
        String range = "";

        @Parameters(index = "1..*", paramLabel = "VERSION")
        List<String> versions = new ArrayList<>();

        Resolve(ToolRunner runner) {
            super(runner);
        }

        @Override
        String tool() {
            return "semver_resolve";
        }

        @Override
        JsonNode arguments() {
            ObjectNode arguments = args().put("range", range);
            ArrayNode list = arguments.putArray("versions");
            versions.forEach(list::add);
            return arguments;
        }

        @Override
        Predicate<JsonNode> negative() {
            return result -> result.get("max").isNull();
        }
    }

    @Command(name = "next", mixinStandardHelpOptions = true, description = "The version after a bump.")
    static final class Next extends ToolCommand {
        @Parameters(index = "0", paramLabel = "VERSION")
        String version = "";

        @Parameters(
                index = "1",
                paramLabel = "BUMP",
                description = "major|minor|patch|premajor|preminor|prepatch|prerelease")
        String bump = "";

        @Option(names = "--preid", paramLabel = "ID", description = "Prerelease identifier, e.g. rc.")
        @Nullable
        String preid;

        Next(ToolRunner runner) {
            super(runner);
        }

        @Override
        String tool() {
            return "semver_next";
        }

        @Override
        JsonNode arguments() {
            ObjectNode arguments = args().put("version", version).put("bump", bump);
            if (preid != null) {
                arguments.put("preid", preid);
            }
            return arguments;
        }
    }
}
