package dev.mcpver.demo;

import dev.mcpver.App;
import dev.mcpver.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * {@code serve --demo}: the demo runs on its own database, {@code <home>/demo.db}, deleted and recreated on every
 * start, so it never touches (or is touched by) the user's database.
 */
public final class DemoMode {
    public static final String DATABASE_FILE = "demo.db";
    /** Fixed: every demo start shows the same experiment data. */
    private static final long SEED = 20_260_704L;

    private DemoMode() {}

    /** The serve flags with the fresh demo database in place of any other; {@code --db} is refused. */
    public static Map<String, String> flags(Path home, Map<String, String> flags) {
        if (flags.containsKey("db")) {
            throw new ConfigException("--demo uses its own database (" + home.resolve(DATABASE_FILE)
                    + ", recreated on every start); leave out --db");
        }
        Map<String, String> demo = new HashMap<>(flags);
        demo.put("db", fresh(home).toString());
        return demo;
    }

    static Path fresh(Path home) {
        Path file = home.resolve(DATABASE_FILE);
        try {
            Files.createDirectories(home);
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(home.resolve(DATABASE_FILE + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recreate the demo database " + file, e);
        }
        return file;
    }

    /** Loads the data set into the app's (demo) database; call before {@link App#start()}. */
    public static DemoSummary load(App app) {
        return DemoLoader.load(
                app.database(), app.config().home(), app.agent().traces(), Clock.systemUTC(), new Random(SEED));
    }

    /** Once serving: what was loaded and where to look. */
    public static void announce(DemoSummary summary, App app, @Nullable PrintWriter console) {
        if (console != null) {
            console.println(summary.describe() + " Open http://" + app.config().host() + ":" + app.port() + "/");
            console.flush();
        }
    }
}
