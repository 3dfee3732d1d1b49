package dev.mcpver.deploy;

import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.FileEntry;
import dev.mcpver.rollback.FileProblem;
import dev.mcpver.rollback.Manifest;
import dev.mcpver.rollback.RelativePath;
import dev.mcpver.rollback.ReleaseArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Release directories on the local file system. Restores are built in {@code staging/} and renamed into
 * {@code releases/} in one step, so a crash never leaves a half-written release under its final name. Thread-safe.
 */
public final class LocalReleaseArea implements ReleaseArea {
    private final HomeLayout layout;
    private final FileBlobStore blobs;
    private final int threads;

    /**
     * @param threads how many files are hashed or written at once
     */
    public LocalReleaseArea(HomeLayout layout, FileBlobStore blobs, int threads) {
        this.layout = layout;
        this.blobs = blobs;
        this.threads = threads;
    }

    public HomeLayout layout() {
        return layout;
    }

    @Override
    public Manifest capture(DeploymentId id, String releaseDir) {
        Path root = layout.release(id, releaseDir);
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("release directory " + root + " does not exist");
        }
        List<Path> files = new ArrayList<>();
        List<FileEntry> entries = new ArrayList<>(scan(root, files));
        entries.addAll(Parallel.map(files, threads, file -> store(root, file)));
        return new Manifest(entries);
    }

    /** Walks a release: returns its links and collects its regular files; anything else is refused. */
    static List<FileEntry> scan(Path root, List<Path> files) {
        List<FileEntry> links = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String path = RelativePath.check(Trees.relative(root, file));
                    if (attrs.isSymbolicLink()) {
                        links.add(FileEntry.link(
                                path, Files.readSymbolicLink(file).toString()));
                    } else if (attrs.isRegularFile()) {
                        files.add(file);
                    } else {
                        throw new IllegalStateException("not a regular file or link: " + path);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
        }
        return links;
    }

    private FileEntry store(Path root, Path file) {
        try {
            String sha = FileBlobStore.hash(file);
            blobs.put(file, sha);
            return FileEntry.file(Trees.relative(root, file), sha, Files.size(file), executable(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot capture " + file + ": " + e.getMessage(), e);
        }
    }

    static boolean executable(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        return posix != null && posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Override
    public List<FileProblem> materialize(DeploymentId id, String releaseDir, Manifest manifest) {
        Path target = layout.release(id, releaseDir);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("release directory " + releaseDir + " already exists");
        }
        Path work = layout.staging(id)
                .resolve(releaseDir + "." + ThreadLocalRandom.current().nextInt(1 << 30) + ".partial");
        try {
            List<FileProblem> problems = write(work, manifest);
            if (problems.isEmpty()) {
                Files.createDirectories(target.getParent());
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore into " + target + ": " + e.getMessage(), e);
        } finally {
            Trees.delete(work);
        }
    }

    private List<FileProblem> write(Path work, Manifest manifest) throws IOException {
        Files.createDirectories(work);
        Set<Path> parents = new TreeSet<>();
        manifest.files()
                .forEach(f -> parents.add(
                        Objects.requireNonNull(work.resolve(f.path()).getParent())));
        for (Path parent : parents) {
            Files.createDirectories(parent);
        }
        List<FileEntry> files =
                manifest.files().stream().filter(FileEntry::isFile).toList();
        List<FileProblem> problems = new ArrayList<>();
        for (FileProblem problem : Parallel.map(files, threads, f -> writeFile(work, f))) {
            if (problem != null) {
                problems.add(problem);
            }
        }
        for (FileEntry link : manifest.files()) {
            if (!link.isFile()) {
                Files.createSymbolicLink(work.resolve(link.path()), Path.of(Objects.requireNonNull(link.linkTarget())));
            }
        }
        return problems;
    }

    private @Nullable FileProblem writeFile(Path work, FileEntry entry) {
        Path file = work.resolve(entry.path());
        try {
            if (!blobs.copyOut(entry.sha256(), file)) {
                return new FileProblem(
                        entry.path(),
                        entry.sha256(),
                        FileProblem.Kind.CORRUPTED,
                        "blob content no longer matches its SHA-256");
            }
            if (entry.executable()) {
                makeExecutable(file);
            }
            return null;
        } catch (NoSuchFileException e) {
            return new FileProblem(entry.path(), entry.sha256(), FileProblem.Kind.MISSING, "blob is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            posix.setPermissions(permissions);
        }
    }

    @Override
    public boolean exists(DeploymentId id, String releaseDir) {
        return Files.isDirectory(layout.release(id, releaseDir), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void remove(DeploymentId id, String releaseDir) {
        Trees.delete(layout.release(id, releaseDir));
    }

    @Override
    public List<String> releaseDirs(DeploymentId id) {
        Path releases = layout.releases(id);
        if (!Files.isDirectory(releases)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(releases)) {
            return dirs.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(LocalReleaseArea::modified).thenComparing(Path::toString))
                    .map(p -> p.getFileName().toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + releases + ": " + e.getMessage(), e);
        }
    }

    private static long modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void linkCurrent(DeploymentId id, String releaseDir) {
        Path current = layout.current(id);
        Path temp = current.resolveSibling(
                "current.tmp-" + ThreadLocalRandom.current().nextInt(1 << 30));
        try {
            Files.createDirectories(current.getParent());
            Files.createSymbolicLink(temp, Path.of("releases", releaseDir));
            Files.move(temp, current, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch " + current + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // renamed away already, or never created
            }
        }
    }

    @Override
    public Optional<String> currentLink(DeploymentId id) {
        Path current = layout.current(id);
        if (!Files.isSymbolicLink(current)) {
            return Optional.empty();
        }
        try {
            Path target = Files.readSymbolicLink(current);
            return Optional.ofNullable(target.getFileName()).map(Path::toString);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + current + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String absolutePath(DeploymentId id, String releaseDir) {
        return layout.release(id, releaseDir).toString();
    }

    /** Removes leftovers of installs and restores a crash interrupted ({@code staging/} only). */
    public void clearStaging(DeploymentId id) {
        Trees.delete(layout.staging(id));
    }
}
