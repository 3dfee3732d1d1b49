import dev.mcpver.audit.AuditVerification;
import dev.mcpver.store.Database;
import dev.mcpver.store.SqlAuditLog;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Locale;

/**
 * Times {@code SqlAuditLog.verify()} in-process (no JVM start, no migration check): wall time and the process's CPU
 * time, which does not depend on how busy a shared machine is. Run on the fat jar's classpath:
 *
 * <pre>
 * java -cp target/mcpver.jar bench/registry/AuditVerifyTiming.java jdbc:sqlite:/tmp/audit.db 5
 * </pre>
 */
public class AuditVerifyTiming {
    public static void main(String[] args) {
        SqlAuditLog audit = new SqlAuditLog(Database.open(args[0]), Clock.systemUTC());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= Integer.parseInt(args[1]); run++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            AuditVerification result = audit.verify();
            System.out.printf(Locale.ROOT, "run %d: valid=%s checked=%d wall=%.2f s cpu=%.2f s (%d cores)%n", run,
                    result.valid(), result.checked(), (System.nanoTime() - wall) / 1e9,
                    (os.getProcessCpuTime() - cpu) / 1e9, Runtime.getRuntime().availableProcessors());
        }
    }
}
