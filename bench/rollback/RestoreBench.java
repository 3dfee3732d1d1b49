import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.deploy.FileBlobStore;
import dev.mcpver.deploy.HomeLayout;
import dev.mcpver.deploy.LocalReleaseArea;
import dev.mcpver.rollback.ActivationListener;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentState;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.LaunchSpec;
import dev.mcpver.rollback.RestoreOutcome;
import dev.mcpver.rollback.RetentionPolicy;
import dev.mcpver.rollback.RollbackPoint;
import dev.mcpver.rollback.RollbackService;
import dev.mcpver.rollback.SwitchCause;
import dev.mcpver.store.Database;
import dev.mcpver.store.SqlAuditLog;
import dev.mcpver.store.SqlDeploymentStore;
import dev.mcpver.store.SqlRollbackStore;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Restore of a rollback point versus a plain recursive copy of the same tree (issue 7's bar: within 2x).
 *
 * <p>Run with {@code bench/rollback/run.sh} (it builds the fat jar if needed). Generates a release of FILES files
 * totalling MB megabytes of random (incompressible, never deduplicated) content, snapshots it once, then alternates
 * {@code cp -r}, a Java {@code Files.copy} walk and {@code RollbackService.restore} (fresh directory, every byte
 * re-hashed against its SHA-256, atomic switch) RUNS times after one warm-up round, with a {@code sync} before
 * each timed operation (not timed); prints the medians. Reads come from the page cache for all three.
 */
public final class RestoreBench {
    public static void main(String[] args) throws Exception {
        int files = Integer.parseInt(arg(args, 0, "10000"));
        int megabytes = Integer.parseInt(arg(args, 1, "100"));
        int runs = Integer.parseInt(arg(args, 2, "5"));
        int threads = Integer.parseInt(arg(args, 3, "4"));
        Path work = Files.createTempDirectory(Path.of(arg(args, 4, System.getProperty("java.io.tmpdir"))), "restore-bench");
        try {
            run(work, files, megabytes, runs, threads);
        } finally {
            delete(work);
        }
    }

    private static void run(Path work, int files, int megabytes, int runs, int threads) throws Exception {
        Initiator who = new Initiator("bench", "bench");
        DeploymentId id = new DeploymentId("bench", "b");
        Database database = Database.openMigrated("jdbc:sqlite:" + work.resolve("bench.db"));
        SqlAuditLog audit = new SqlAuditLog(database, Clock.systemUTC());
        SqlDeploymentStore deployments = new SqlDeploymentStore(database, audit, Clock.systemUTC());
        HomeLayout layout = new HomeLayout(work.resolve("home"));
        FileBlobStore blobs = new FileBlobStore(layout);
        LocalReleaseArea area = new LocalReleaseArea(layout, blobs, threads);
        RollbackService rollback = new RollbackService(deployments, new SqlRollbackStore(database, audit, Clock.systemUTC()),
                area, blobs, ActivationListener.NONE, RetentionPolicy.DEFAULT, Clock.systemUTC(),
                () -> UlidCreator.getMonotonicUlid().toString());

        Path release = layout.release(id, "1.0.0");
        long bytes = generate(release, files, megabytes * 1024L * 1024L);
        deployments.create(id, new DeploymentState(null, null, LaunchSpec.stdio("true", List.of()), List.of()), who);
        deployments.switchState(id, 0, new DeploymentState("1.0.0", "1.0.0", LaunchSpec.stdio("true", List.of()), List.of()),
                new SwitchCause("activate", "bench"), who);
        long captureStart = System.nanoTime();
        RollbackPoint point = rollback.create(id, "bench", List.of(), null, who);
        long captureMs = (System.nanoTime() - captureStart) / 1_000_000;

        List<Long> cp = new ArrayList<>();
        List<Long> javaCopy = new ArrayList<>();
        List<Long> restore = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            sync();
            long a = time(() -> cpR(release, work.resolve("cp-" + System.nanoTime())));
            sync();
            long b = time(() -> javaCopy(release, work.resolve("jc-" + System.nanoTime())));
            sync();
            RestoreOutcome[] outcome = new RestoreOutcome[1];
            long c = time(() -> outcome[0] = rollback.restore(point.id(), who));
            if (!(outcome[0] instanceof RestoreOutcome.Restored restored)) {
                throw new IllegalStateException("restore refused: " + outcome[0]);
            }
            rollback.undo(restored.execution().id(), who);
            cleanCopies(work);
            if (round > 0) {
                cp.add(a);
                javaCopy.add(b);
                restore.add(c);
            }
            System.out.printf(Locale.ROOT, "round %d%s: cp -r %d ms, java copy %d ms, restore %d ms%n", round,
                    round == 0 ? " (warm-up)" : "", a, b, c);
        }
        long cpMedian = median(cp);
        long restoreMedian = median(restore);
        System.out.printf(Locale.ROOT, "%ntree: %d files, %.1f MiB (random content); snapshot (capture) %d ms; threads %d%n",
                point.fileCount(), bytes / 1048576.0, captureMs, threads);
        System.out.printf(Locale.ROOT, "median of %d: cp -r %d ms | Java Files.copy walk %d ms | restore %d ms%n",
                runs, cpMedian, median(javaCopy), restoreMedian);
        System.out.printf(Locale.ROOT, "restore / cp -r = %.2f (bar: <= 2.00)%n", restoreMedian / (double) cpMedian);
    }

    private static long generate(Path root, int files, long totalBytes) throws IOException {
        Random random = new Random(7);
        long average = totalBytes / files;
        long written = 0;
        for (int i = 0; i < files; i++) {
            Path file = root.resolve(String.format(Locale.ROOT, "d%03d/f%05d.bin", i % 100, i));
            Files.createDirectories(file.getParent());
            byte[] content = new byte[(int) (average / 2 + random.nextInt((int) average + 1))];
            random.nextBytes(content);
            Files.write(file, content);
            written += content.length;
        }
        return written;
    }

    /** Flushes dirty pages first, so no contender pays for the previous one's write-back. */
    private static void sync() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void cpR(Path from, Path to) {
        try {
            Process cp = new ProcessBuilder("cp", "-r", from.toString(), to.toString()).inheritIO().start();
            if (cp.waitFor() != 0) {
                throw new IllegalStateException("cp failed");
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void javaCopy(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void cleanCopies(Path work) throws IOException {
        try (var entries = Files.list(work)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("(cp|jc)-\\d+")).toList()) {
                delete(entry);
            }
        }
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private RestoreBench() {}
}
