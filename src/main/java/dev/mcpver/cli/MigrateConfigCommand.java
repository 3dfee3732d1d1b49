package dev.mcpver.cli;

import dev.mcpver.clientconfig.ClientConfigRewriter;
import dev.mcpver.clientconfig.ConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mcpver migrate-config --file … --server … --to …}: pins one server of an MCP client configuration
 * ({@code claude_desktop_config.json}, {@code .vscode/mcp.json}, {@code .cursor/mcp.json}) to a new version. Prints the
 * diff on stdout, then writes the file atomically after a backup (not with {@code --dry-run}). Exit codes: 0 written
 * (or shown), 2 the file, server or pin is not usable.
 */
@Command(
        name = "migrate-config",
        mixinStandardHelpOptions = true,
        description = "Pin a server in an MCP client configuration to a new version (diff, backup, atomic write).")
final class MigrateConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The client configuration file.")
    Path file = Path.of(".");

    @Option(
            names = "--server",
            required = true,
            paramLabel = "NAME",
            description = "The entry under mcpServers/servers.")
    String server = "";

    @Option(names = "--to", required = true, paramLabel = "VERSION", description = "The version to pin.")
    String to = "";

    @Option(
            names = "--from",
            paramLabel = "VERSION",
            description = "The version pinned now (detected when unambiguous).")
    @Nullable
    String from;

    @Option(names = "--dry-run", description = "Only show the diff.")
    boolean dryRun;

    @Override
    public Integer call() {
        CommandLine line = Objects.requireNonNull(spec).commandLine();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no configuration file at " + file);
        }
        ClientConfigRewriter.Rewrite rewrite = ClientConfigRewriter.pin(ConfigFiles.read(file), server, to, from);
        line.getOut().print(ConfigFiles.diff(file.getFileName().toString(), rewrite.before(), rewrite.after()));
        line.getOut().flush();
        if (!dryRun) {
            Path backup = ConfigFiles.replace(file, rewrite.after(), Clock.systemUTC());
            line.getErr()
                    .println("mcpver: pinned " + server + " to " + to + " in " + file + " (backup "
                            + backup.getFileName() + ")");
        }
        return Cli.OK;
    }
}
