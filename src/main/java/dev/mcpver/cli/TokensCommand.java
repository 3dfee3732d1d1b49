package dev.mcpver.cli;

import dev.mcpver.auth.Role;
import dev.mcpver.tokens.ApiToken;
import dev.mcpver.tokens.IssuedToken;
import dev.mcpver.tokens.TokenRevocation;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpver tokens create|list|revoke}: API tokens, managed locally on the database (as the local admin). */
@Command(
        name = "tokens",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke API tokens (secrets are shown once, stored only as SHA-256).")
final class TokensCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(Map<String, String> env) {
        return new CommandLine(new TokensCommand())
                .addSubcommand(new Create(env))
                .addSubcommand(new ListTokens(env))
                .addSubcommand(new Revoke(env));
    }

    @Override
    public void run() {
        Output.out(spec).print(Output.usage(spec));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; prints its secret once.")
    static final class Create implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        Local.DbOption db = new Local.DbOption();

        @Option(names = "--name", required = true, description = "What the token is for, e.g. ci-deploy.")
        String name = "";

        @Option(names = "--role", required = true, description = "viewer, operator or admin.")
        String role = "";

        Create(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Role parsed = Role.fromWire(role)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--role: expected viewer, operator or admin, got \"" + role + "\""));
            ApiToken.requireValidName(name);
            Local local = Local.open(env, db);
            IssuedToken issued = local.wiring().tokens().create(name, parsed, local.actor());
            Output.json(Output.out(spec), Map.of("token", issued.token(), "secret", issued.secret()));
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        Local.DbOption db = new Local.DbOption();

        ListTokens(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Local local = Local.open(env, db);
            Output.json(
                    Output.out(spec), Map.of("items", local.wiring().tokens().list()));
            return Cli.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id.")
    static final class Revoke implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        Local.DbOption db = new Local.DbOption();

        @Parameters(paramLabel = "ID", description = "The token id (see 'mcpver tokens list').")
        String id = "";

        Revoke(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Local local = Local.open(env, db);
            TokenRevocation outcome = local.wiring().tokens().revoke(id, local.actor());
            if (outcome instanceof TokenRevocation.Revoked revoked) {
                Output.json(Output.out(spec), Map.of("token", revoked.token(), "changed", true));
                return Cli.OK;
            }
            if (outcome instanceof TokenRevocation.AlreadyRevoked already) {
                Output.json(Output.out(spec), Map.of("token", already.token(), "changed", false));
                return Cli.OK;
            }
            if (outcome instanceof TokenRevocation.LastAdmin) {
                return Output.negative(
                        Output.err(spec), "token " + id + " is the last active admin token; create another first");
            }
            return Output.negative(Output.err(spec), "no token with id " + id);
        }
    }
}
