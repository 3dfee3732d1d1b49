package dev.mcpver.cli;

import dev.mcpver.registry.Page;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerQuery;
import dev.mcpver.registry.ServerSpec;
import dev.mcpver.registry.ServerWrite;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpver servers create|update|list|show}: the registry's servers, on the local database. */
@Command(
        name = "servers",
        mixinStandardHelpOptions = true,
        description = "Register, update, list and show MCP servers.")
final class ServersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(Map<String, String> env) {
        return new CommandLine(new ServersCommand())
                .addSubcommand(new Create(env))
                .addSubcommand(new Update(env))
                .addSubcommand(new ListServers(env))
                .addSubcommand(new Show(env));
    }

    @Override
    public void run() {
        Output.out(spec).print(Output.usage(spec));
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Register a server from a JSON definition (name, owner, launch, packages, …).")
    static final class Create extends LocalCommand {
        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The server definition (JSON).")
        Path file = Path.of("server.json");

        Create(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            ServerSpec spec = convert(readJson(file), ServerSpec.class, file.toString());
            return answer(this, local.wiring().registry().createServer(spec, local.actor()));
        }
    }

    static int answer(LocalCommand command, ServerWrite outcome) {
        if (outcome instanceof ServerWrite.Saved saved) {
            return command.print(saved.server());
        }
        if (outcome instanceof ServerWrite.NameTaken taken) {
            return command.negative("a server named " + taken.name() + " exists already");
        }
        if (outcome instanceof ServerWrite.Stale stale) {
            return command.negative("server changed meanwhile (revision " + stale.currentRevision() + "); retry");
        }
        return command.negative("no server with id " + ((ServerWrite.NotFound) outcome).id());
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Replace a server's definition.")
    static final class Update extends LocalCommand {
        @Parameters(index = "0", paramLabel = "SERVER", description = "Server id or name.")
        String server = "";

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The new definition (JSON).")
        Path file = Path.of("server.json");

        Update(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            Server current = server(local, server);
            ServerSpec spec = convert(readJson(file), ServerSpec.class, file.toString());
            ServerWrite outcome =
                    local.wiring().registry().updateServer(current.id(), spec, current.revision(), local.actor());
            return answer(this, outcome);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List servers (filters combine).")
    static final class ListServers extends LocalCommand {
        @Option(names = "--category")
        @Nullable
        String category;

        @Option(names = "--tag")
        @Nullable
        String tag;

        @Option(names = "--owner")
        @Nullable
        String owner;

        @Option(names = "--query", description = "Text in the name or description.")
        @Nullable
        String query;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Option(names = "--offset", defaultValue = "0")
        int offset;

        ListServers(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            Page<Server> page =
                    local.wiring().registry().servers(new ServerQuery(category, tag, owner, query, offset, limit));
            return print(page);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a server and its versions.")
    static final class Show extends LocalCommand {
        @Parameters(paramLabel = "SERVER", description = "Server id or name.")
        String server = "";

        Show(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            Server found = server(local, server);
            return print(Map.of(
                    "server", found, "versions", local.wiring().registry().versions(found.id())));
        }
    }
}
