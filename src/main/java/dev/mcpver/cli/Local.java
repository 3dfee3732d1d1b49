package dev.mcpver.cli;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.AppConfig;
import dev.mcpver.RegistryWiring;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Caller;
import dev.mcpver.log.JsonLogging;
import dev.mcpver.store.Database;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * What a local command works on: the database named by {@code --db} (or {@code MCPVER_DB}), opened and migrated,
 * with the registry feature wired over it. Whoever can run the binary against the database owns the data, so
 * commands act as {@link Caller#localAdmin()}; their audit entries say {@code local}.
 */
final class Local {
    /** picocli mixin: the database option shared by every local command. */
    static final class DbOption {
        @Option(
                names = "--db",
                paramLabel = "PATH|URL",
                description = "SQLite file or jdbc:postgresql:// URL (env MCPVER_DB, default data/mcpver.db).")
        @Nullable
        String db;
    }

    private final RegistryWiring wiring;
    private final Actor actor;

    private Local(RegistryWiring wiring, Actor actor) {
        this.wiring = wiring;
        this.actor = actor;
    }

    static Local open(Map<String, String> env, DbOption option) {
        Map<String, String> flags = new HashMap<>();
        if (option.db != null) {
            flags.put("db", option.db);
        }
        if (!env.containsKey("MCPVER_LOG_LEVEL")) {
            // One-shot commands answer on stdout; their info logs (migrations, TOKEN_CREATE) would only be noise.
            flags.put("log-level", "warn");
        }
        AppConfig config = AppConfig.load(env, flags);
        JsonLogging.setLevel(config.logLevel());
        Database database = Database.openMigrated(config.databaseUrl());
        Actor actor = new Actor(Caller.localAdmin(), "cli-" + UlidCreator.getMonotonicUlid());
        return new Local(new RegistryWiring(database, Clock.systemUTC(), config.home()), actor);
    }

    RegistryWiring wiring() {
        return wiring;
    }

    Actor actor() {
        return actor;
    }
}
