package dev.mcpver.deploy;

import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.FileEntry;
import dev.mcpver.rollback.InstallException;
import dev.mcpver.rollback.InstalledRelease;
import dev.mcpver.rollback.Manifest;
import dev.mcpver.rollback.ReleaseInstaller;
import dev.mcpver.rollback.SignatureCheck;
import dev.mcpver.rollback.SignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs directories, archives and npm packages into release directories. Work happens in {@code staging/}; the
 * finished tree is renamed to {@code releases/<dir>} in one step. Digests are checked before anything is unpacked.
 * Thread-safe.
 */
public final class ArtifactInstaller implements ReleaseInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(ArtifactInstaller.class);

    private final HomeLayout layout;
    private final SignatureVerifier signatures;
    private final NpmPackages npm;
    private final Clock clock;

    public ArtifactInstaller(HomeLayout layout, SignatureVerifier signatures, NpmPackages npm, Clock clock) {
        this.layout = layout;
        this.signatures = signatures;
        this.npm = npm;
        this.clock = clock;
    }

    @Override
    public InstalledRelease install(
            DeploymentId id, String version, String releaseDir, ArtifactRef artifact, boolean signatureRequired) {
        Path target = layout.release(id, releaseDir);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new InstallException("release directory " + releaseDir + " exists already");
        }
        Path work = layout.staging(id)
                .resolve(releaseDir + "." + ThreadLocalRandom.current().nextInt(1 << 30) + ".install");
        long started = System.nanoTime();
        try {
            Files.createDirectories(work);
            Checked checked = fetch(artifact, work, signatureRequired);
            Manifest manifest = describe(work);
            Files.createDirectories(target.getParent());
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            log(id, version, artifact, started);
            return new InstalledRelease(
                    id,
                    releaseDir,
                    version,
                    manifest.hash(),
                    artifact,
                    checked.sha256(),
                    checked.signature(),
                    clock.instant());
        } catch (IOException e) {
            throw new InstallException("cannot install " + artifact.location() + ": " + e.getMessage(), e);
        } finally {
            Trees.delete(work);
        }
    }

    /** The measured digest and signature verdict of an artifact that passed its checks. */
    record Checked(String sha256, SignatureCheck signature) {}

    private Checked fetch(ArtifactRef artifact, Path work, boolean signatureRequired) throws IOException {
        return switch (artifact.kind()) {
            case DIRECTORY -> {
                copyTree(existing(artifact.location()), work);
                yield check(artifact, describe(work).hash(), signatureRequired);
            }
            case ARCHIVE -> {
                Path archive = existing(artifact.location());
                Checked checked = check(artifact, FileBlobStore.hash(archive), signatureRequired);
                ArchiveExtractor.extract(archive, work);
                yield checked;
            }
            case NPM ->
                npm.install(artifact.location(), work, tarball -> check(artifact, hash(tarball), signatureRequired));
        };
    }

    private Checked check(ArtifactRef artifact, String measured, boolean signatureRequired) {
        if (artifact.sha256() != null && !artifact.sha256().equals(measured)) {
            throw new InstallException("sha256 mismatch for " + artifact.location() + ": expected " + artifact.sha256()
                    + ", got " + measured);
        }
        SignatureCheck signature = artifact.signature() == null
                ? new SignatureCheck(SignatureCheck.Status.UNSIGNED, "no signature")
                : signatures.verify(measured, artifact.signature());
        if (!signature.acceptable(signatureRequired)) {
            throw new InstallException("signature refused for " + artifact.location() + ": " + signature.detail());
        }
        return new Checked(measured, signature);
    }

    private static String hash(Path file) {
        try {
            return FileBlobStore.hash(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(String location) {
        Path path = Path.of(location);
        if (!Files.exists(path)) {
            throw new InstallException("artifact " + location + " does not exist");
        }
        return path;
    }

    /** Copies a directory tree; links must stay inside it (checked by {@link FileEntry}). */
    static void copyTree(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new InstallException("artifact " + source + " is not a directory");
        }
        List<Path> files = new ArrayList<>();
        List<FileEntry> links;
        try {
            links = LocalReleaseArea.scan(source, files);
        } catch (IllegalArgumentException e) {
            throw new InstallException("artifact " + source + " refused: " + e.getMessage(), e);
        }
        for (Path file : files) {
            Path to = target.resolve(Trees.relative(source, file));
            Files.createDirectories(to.getParent());
            Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (FileEntry link : links) {
            Path at = target.resolve(link.path());
            Files.createDirectories(at.getParent());
            Files.createSymbolicLink(at, Path.of(Objects.requireNonNull(link.linkTarget())));
        }
    }

    /** The manifest of a tree (digests only; nothing is stored). */
    static Manifest describe(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        List<FileEntry> entries = new ArrayList<>(LocalReleaseArea.scan(root, files));
        for (Path file : files) {
            entries.add(FileEntry.file(
                    Trees.relative(root, file),
                    FileBlobStore.hash(file),
                    Files.size(file),
                    LocalReleaseArea.executable(file)));
        }
        return new Manifest(entries);
    }

    private static void log(DeploymentId id, String version, ArtifactRef artifact, long started) {
        LOG.atInfo()
                .addKeyValue("operation", "RELEASE_INSTALL")
                .addKeyValue("deployment", id.toString())
                .addKeyValue("version", version)
                .addKeyValue("artifact", artifact.kind().wireName())
                .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
                .log("installed {} into {}", version, id);
    }
}
