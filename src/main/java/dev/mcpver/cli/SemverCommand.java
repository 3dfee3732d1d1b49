package dev.mcpver.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mcpver semver …}: placeholder until the engine lands. */
@Command(
        name = "semver",
        mixinStandardHelpOptions = true,
        description = "SemVer operations with node-semver semantics.")
final class SemverCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

    static CommandLine tree() {
        return new CommandLine(new SemverCommand());
    }

    @Override
    public void run() {
        if (spec != null) {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
