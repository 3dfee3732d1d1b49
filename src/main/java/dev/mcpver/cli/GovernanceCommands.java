package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.compliance.RuleSpec;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerQuery;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.vuln.AdvisoryHit;
import dev.mcpver.vuln.ImportReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpver advisories …}, {@code mcpver rules …} and {@code mcpver alerts}. */
final class GovernanceCommands {
    private GovernanceCommands() {}

    @Command(
            name = "advisories",
            mixinStandardHelpOptions = true,
            description = "Import OSV advisories (offline) and show which versions they hit.")
    static final class Advisories implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        static CommandLine tree(Map<String, String> env) {
            return new CommandLine(new Advisories())
                    .addSubcommand(new Import(env))
                    .addSubcommand(new ListAdvisories(env))
                    .addSubcommand(new Hits(env));
        }

        @Override
        public void run() {
            Output.out(spec).print(Output.usage(spec));
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import OSV JSON files, or every *.json under directories; exit 1 if some were refused.")
    static final class Import extends LocalCommand {
        @Parameters(paramLabel = "PATH", arity = "1..*")
        List<Path> paths = new ArrayList<>();

        Import(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) throws IOException {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            for (Path path : paths) {
                for (Path file : jsonFiles(path)) {
                    documents.put(file.toString(), readJson(file));
                }
            }
            ImportReport report = local.wiring().advisories().importDocuments(documents, local.actor());
            print(report);
            return report.errors().isEmpty()
                    ? Cli.OK
                    : negative(report.errors().size() + " document(s) refused: "
                            + report.errors().get(0));
        }

        private static List<Path> jsonFiles(Path path) throws IOException {
            if (!Files.isDirectory(path)) {
                return List.of(path);
            }
            try (Stream<Path> files = Files.walk(path)) {
                return files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Imported advisories.")
    static final class ListAdvisories extends LocalCommand {
        ListAdvisories(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            return print(Map.of(
                    "items",
                    local.wiring().advisories().all().stream()
                            .map(a -> Map.of(
                                    "id",
                                    a.id(),
                                    "severity",
                                    a.severity(),
                                    "summary",
                                    a.summary(),
                                    "packages",
                                    a.packageNames()))
                            .toList()));
        }
    }

    @Command(
            name = "hits",
            mixinStandardHelpOptions = true,
            description = "Which advisories hit which versions (all servers, or --server); exit 1 when any does.")
    static final class Hits extends LocalCommand {
        @Option(names = "--server", paramLabel = "SERVER")
        @Nullable
        String server;

        Hits(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            List<Server> servers = server != null
                    ? List.of(server(local, server))
                    : local.wiring().registry().servers(ServerQuery.all()).items();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Server s : servers) {
                for (ServerVersion v : local.wiring().registry().versions(s.id())) {
                    List<AdvisoryHit> hits = local.wiring().advisories().hits(s, v);
                    if (!hits.isEmpty()) {
                        rows.add(Map.of("server", s.name(), "version", v.version(), "stage", v.stage(), "hits", hits));
                    }
                }
            }
            print(Map.of("items", rows));
            return rows.isEmpty() ? Cli.OK : negative(rows.size() + " version(s) hit by known advisories");
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true, description = "Compliance rules written in CEL.")
    static final class Rules implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        static CommandLine tree(Map<String, String> env) {
            return new CommandLine(new Rules())
                    .addSubcommand(new AddRule(env))
                    .addSubcommand(new ListRules(env))
                    .addSubcommand(new DisableRule(env));
        }

        @Override
        public void run() {
            Output.out(spec).print(Output.usage(spec));
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a rule, e.g. --name changelog --severity high --expression 'size(version.changelog) > 0'"
                    + " --message 'write a changelog'.")
    static final class AddRule extends LocalCommand {
        @Option(names = "--name", required = true)
        String name = "";

        @Option(names = "--scope", defaultValue = "global", description = "global, category or server")
        String scope = "global";

        @Option(names = "--scope-value", description = "the category, or the server id or name")
        @Nullable
        String scopeValue;

        @Option(names = "--severity", required = true, description = "critical, high, medium or low")
        String severity = "";

        @Option(names = "--expression", required = true, paramLabel = "CEL")
        String expression = "";

        @Option(names = "--message", required = true)
        String message = "";

        AddRule(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            String value = scope.equals("server") && scopeValue != null
                    ? server(local, scopeValue).id()
                    : scopeValue;
            RuleSpec rule = new RuleSpec(name, scope, value, severity, expression, message);
            return print(local.wiring().compliance().add(rule, local.actor()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every rule, enabled or not.")
    static final class ListRules extends LocalCommand {
        ListRules(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            return print(Map.of("items", local.wiring().compliance().rules()));
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a rule (kept for the record).")
    static final class DisableRule extends LocalCommand {
        @Parameters(paramLabel = "ID")
        String id = "";

        DisableRule(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            return local.wiring()
                    .compliance()
                    .disable(id, local.actor())
                    .map(this::print)
                    .orElseGet(() -> negative("no enabled rule with id " + id));
        }
    }

    @Command(
            name = "alerts",
            mixinStandardHelpOptions = true,
            description = "Version sprawl, deprecated versions in use, unhealthy or vulnerable production versions;"
                    + " exit 1 when there is any.")
    static final class Alerts extends LocalCommand {
        Alerts(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            var alerts = local.wiring().monitoring().alerts();
            print(Map.of("items", alerts));
            return alerts.isEmpty() ? Cli.OK : negative(alerts.size() + " alert(s)");
        }
    }
}
