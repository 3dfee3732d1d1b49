// Where the CPU of `mcpver mcp` start-up goes, phase by phase, in CPU time (robust against other load on the
// machine, unlike wall time). Single-file program over the fat jar:
//   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/mcpver.jar bench/mcp/StartupPhases.java /tmp/phases.db
// Add -XX:ArchiveClassesAtExit=/tmp/phases.jsa once, then -XX:SharedArchiveFile=/tmp/phases.jsa, to see the effect
// of AppCDS. "main" is the CPU of the thread that answers (the critical path); "process" adds JIT and GC threads.
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.json.Json;
import dev.mcpver.mcp.McpStdio;
import dev.mcpver.store.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

public class StartupPhases {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static long thread = THREADS.getCurrentThreadCpuTime();
    private static long process = OS.getProcessCpuTime();

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "/tmp/mcpver-phases.db";
        reset(); // run twice: the first run on a new database file also migrates it
        Json.create();
        lap("Jackson ObjectMapper (first use)");
        Database.openMigrated("jdbc:sqlite:" + db);
        lap("Database.openMigrated");
        App app = new App(AppConfig.load(Map.of(), Map.of("db", db, "log-level", "warn")));
        lap("rest of new App(config)");
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"p\",\"version\":\"1\"}}}\n";
        McpStdio.serve(app.mcpSurface(),
                new ByteArrayInputStream(initialize.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream());
        lap("stdio server: build, initialize, close");
        System.exit(0);
    }

    private static void reset() {
        thread = THREADS.getCurrentThreadCpuTime();
        process = OS.getProcessCpuTime();
    }

    private static void lap(String phase) {
        long t = THREADS.getCurrentThreadCpuTime();
        long p = OS.getProcessCpuTime();
        System.out.printf(Locale.ROOT, "%-42s main %4d ms   process %4d ms%n", phase, (t - thread) / 1_000_000,
                (p - process) / 1_000_000);
        reset();
    }
}
