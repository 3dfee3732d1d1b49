package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpver deploy register|activate|list|show|probe|target|targets}. */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = "Deployments (one server in one environment) and their deployable versions.",
        synopsisSubcommandLabel = "COMMAND")
final class DeployCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(Map<String, String> env) {
        return new CommandLine(new DeployCommand())
                .addSubcommand(new Register(env))
                .addSubcommand(new Activate(env))
                .addSubcommand(new ListDeployments(env))
                .addSubcommand(new Show(env))
                .addSubcommand(new Probe(env))
                .addSubcommand(new Target(env))
                .addSubcommand(new Targets(env));
    }

    @Override
    public void run() {
        Output.out(spec).print(Output.usage(spec));
    }

    /** A JSON argument given inline or as {@code @file.json}. */
    static JsonNode json(String text) {
        try {
            String content =
                    text.startsWith("@") ? Files.readString(Path.of(text.substring(1)), StandardCharsets.UTF_8) : text;
            return Json.mapper().readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON (or an unreadable @file): " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("unreadable file " + text, e);
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true, description = "Register a deployment.")
    static final class Register extends RollbackCommand.ToolCall {
        @Parameters(paramLabel = "SERVER/ENV")
        String deployment = "";

        @Option(
                names = "--launch",
                required = true,
                paramLabel = "JSON|@FILE",
                description = "{\"transport\":\"stdio\",\"command\":\"node\",\"args\":[\"${release}/index.js\"]}")
        String launch = "";

        @Option(names = "--config", paramLabel = "NAME=VALUE", description = "A plain value (repeatable).")
        List<String> config = new ArrayList<>();

        @Option(
                names = "--secret",
                paramLabel = "NAME=REF",
                description = "A secret by reference: env:VAR or file:/path.")
        List<String> secrets = new ArrayList<>();

        Register(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "deployment_register";
        }

        @Override
        ObjectNode arguments() {
            int slash = deployment.lastIndexOf('/');
            if (slash <= 0) {
                throw new IllegalArgumentException("deployment must be written server/environment");
            }
            ObjectNode args = args().put("server", deployment.substring(0, slash))
                    .put("environment", deployment.substring(slash + 1));
            args.set("launch", json(launch));
            ArrayNode entries = args.putArray("config");
            config.forEach(c -> entries.addObject().put("name", name(c)).put("value", value(c)));
            secrets.forEach(c -> entries.addObject().put("name", name(c)).put("secretRef", value(c)));
            return args;
        }

        private static String name(String pair) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected NAME=VALUE, got " + pair);
            }
            return pair.substring(0, eq);
        }

        private static String value(String pair) {
            return pair.substring(pair.indexOf('=') + 1);
        }
    }

    @Command(
            name = "activate",
            mixinStandardHelpOptions = true,
            description =
                    "Install a registered version and switch to it at once (first versions; use migrate for upgrades).")
    static final class Activate extends RollbackCommand.ToolCall {
        @Parameters(index = "0", paramLabel = "SERVER/ENV")
        String deployment = "";

        @Parameters(index = "1", paramLabel = "VERSION")
        String version = "";

        @Option(names = "--yes", description = "Confirm the switch.")
        boolean yes;

        Activate(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "deployment_activate";
        }

        @Override
        ObjectNode arguments() {
            return args().put("deployment", deployment).put("version", version);
        }

        @Override
        boolean yes() {
            return yes;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List deployments.")
    static final class ListDeployments extends RollbackCommand.ToolCall {
        ListDeployments(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "deployment_list";
        }

        @Override
        ObjectNode arguments() {
            return args();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a deployment and its switches.")
    static final class Show extends RollbackCommand.ToolCall {
        @Parameters(paramLabel = "SERVER/ENV")
        String deployment = "";

        Show(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "deployment_get";
        }

        @Override
        ObjectNode arguments() {
            return args().put("deployment", deployment);
        }
    }

    @Command(
            name = "probe",
            mixinStandardHelpOptions = true,
            description = "Start the active release briefly and show the version and tools that answer.")
    static final class Probe extends RollbackCommand.ToolCall {
        @Parameters(paramLabel = "SERVER/ENV")
        String deployment = "";

        Probe(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "deployment_probe";
        }

        @Override
        ObjectNode arguments() {
            return args().put("deployment", deployment);
        }
    }

    @Command(name = "target", mixinStandardHelpOptions = true, description = "Register a deployable version from JSON.")
    static final class Target extends RollbackCommand.ToolCall {
        @Parameters(
                paramLabel = "JSON|@FILE",
                description =
                        "{server, version, artifact: {kind, location, sha256?}, launch?, requiredEnv?, surface?, smokeCalls?}")
        String target = "";

        Target(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "target_register";
        }

        @Override
        ObjectNode arguments() {
            JsonNode node = json(target);
            if (!node.isObject()) {
                throw new IllegalArgumentException("the target must be a JSON object");
            }
            return (ObjectNode) node;
        }
    }

    @Command(
            name = "targets",
            mixinStandardHelpOptions = true,
            description = "List the registered versions of a server.")
    static final class Targets extends RollbackCommand.ToolCall {
        @Parameters(paramLabel = "SERVER")
        String server = "";

        Targets(Map<String, String> env) {
            super(env);
        }

        @Override
        String tool() {
            return "target_list";
        }

        @Override
        ObjectNode arguments() {
            return args().put("server", server);
        }
    }
}
