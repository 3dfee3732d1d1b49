package dev.mcpver.cli;

import dev.mcpver.BuildInfo;
import dev.mcpver.ConfigException;
import dev.mcpver.log.JsonLogging;
import dev.mcpver.log.LogLevel;
import dev.mcpver.tools.SemverTools;
import dev.mcpver.tools.ToolCatalog;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the command tree with its dependencies (no reflection-based factory) and runs it. */
public final class Cli {
    /** Exit code meaning "a server was started; do not exit the JVM". */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    public static final int OK = 0;
    public static final int NEGATIVE = 1;
    public static final int INVALID = 2;

    private Cli() {}

    @Command(
            name = "mcpver",
            mixinStandardHelpOptions = true,
            versionProvider = Cli.Version.class,
            description =
                    "Version manager for MCP servers: SemVer, compatibility analysis, registry, rollbacks, A/B tests.",
            synopsisSubcommandLabel = "COMMAND")
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

        @Override
        public void run() {
            if (spec != null) {
                spec.commandLine().usage(spec.commandLine().getOut());
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mcpver " + BuildInfo.version()};
        }
    }

    /** Runs the command line; returns the process exit code, or {@link #KEEP_RUNNING} for {@code serve}. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        if (env.getOrDefault("MCPVER_LOG_LEVEL", "").isBlank()) {
            // One-shot commands answer on stdout; their stderr stays quiet unless asked. `serve` sets its own level.
            JsonLogging.setLevel(LogLevel.WARN);
        }
        CommandLine cli = build(env);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine build(Map<String, String> env) {
        CommandLine cli = new CommandLine(new Root());
        cli.addSubcommand(new ServeCommand(env));
        cli.addSubcommand(new McpCommand(env));
        cli.addSubcommand(new ManifestCommand(env));
        cli.addSubcommand(SemverCommand.tree(new ToolRunner(new ToolCatalog(SemverTools.all()))));
        cli.addSubcommand(TokensCommand.tree(env));
        cli.addSubcommand(AuditCommand.tree(env));
        cli.addSubcommand(ServersCommand.tree(env));
        cli.addSubcommand(VersionsCommand.tree(env));
        cli.addSubcommand(KeysCommand.tree(env));
        cli.addSubcommand(GovernanceCommands.Advisories.tree(env));
        cli.addSubcommand(GovernanceCommands.Rules.tree(env));
        cli.addSubcommand(new GovernanceCommands.Alerts(env));
        AgentCommands.all(env).forEach(cli::addSubcommand);

        cli.addSubcommand(ExperimentsCommand.tree(env));
        cli.addSubcommand(new DiffCommand());
        cli.addSubcommand(new SnapshotCommand(env));
        cli.addSubcommand(DeployCommand.tree(env));
        cli.addSubcommand(RollbackCommand.tree(env));
        cli.addSubcommand(MigrateCommand.tree(env));
        cli.addSubcommand(new MigrateConfigCommand());
        cli.addSubcommand(UpdateCommand.tree(env));
        cli.addSubcommand(new ProxyCommand(env));
        cli.setParameterExceptionHandler(Cli::onBadArguments);
        cli.setExecutionExceptionHandler(Cli::onFailure);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr()
                .println("mcpver: " + e.getMessage() + " (see '"
                        + command.getCommandSpec().qualifiedName() + " --help')");
        return INVALID;
    }

    private static int onFailure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
            command.getErr().println("mcpver: " + e.getMessage());
            return INVALID;
        }
        command.getErr().println("mcpver: error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return NEGATIVE;
    }
}
