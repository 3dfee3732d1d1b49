package dev.mcpver.deploy;

import dev.mcpver.rollback.InstallException;
import dev.mcpver.rollback.RelativePath;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks {@code .tar.gz}/{@code .tgz} and {@code .zip} archives into an empty directory, refusing what could
 * write outside it: absolute names, {@code ..} segments, links whose target leaves the directory, devices and FIFOs.
 * Links are created only after every regular file is written, so no write can pass through a link; each link is
 * then resolved on disk and must land inside. Size and entry-count limits stop archive bombs.
 */
final class ArchiveExtractor {
    static final long MAX_BYTES = 4L << 30;
    static final int MAX_ENTRIES = 200_000;

    private record Link(String path, String target, boolean hard) {}

    private final Path into;
    private final List<Link> links = new ArrayList<>();
    private long bytes;
    private int entries;

    private ArchiveExtractor(Path into) {
        this.into = into;
    }

    /** Extracts {@code archive} into {@code into} (an existing, empty directory). */
    static void extract(Path archive, Path into) {
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        ArchiveExtractor extractor = new ArchiveExtractor(into);
        try {
            if (name.endsWith(".zip")) {
                extractor.zip(archive);
            } else if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                extractor.tar(archive);
            } else {
                throw new InstallException(
                        "unsupported archive " + archive.getFileName() + ": use .tar.gz, .tgz or .zip");
            }
            extractor.finishLinks();
        } catch (IOException e) {
            throw new InstallException("cannot read archive " + archive.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private void tar(Path archive) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive))))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String path = checkedName(entry.getName());
                if (path.isEmpty() || entry.isDirectory()) {
                    directory(path);
                } else if (entry.isSymbolicLink()) {
                    link(path, entry.getLinkName(), false);
                } else if (entry.isLink()) {
                    link(path, checkedName(entry.getLinkName()), true);
                } else if (entry.isFile()) {
                    file(path, in, (entry.getMode() & 0100) != 0);
                } else {
                    throw refused(entry.getName(), "is a device, FIFO or other special file");
                }
            }
        }
    }

    private void zip(Path archive) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder(); all.hasMoreElements(); ) {
                ZipArchiveEntry entry = all.nextElement();
                String path = checkedName(entry.getName());
                if (path.isEmpty() || entry.isDirectory()) {
                    directory(path);
                } else if (entry.isUnixSymlink()) {
                    link(path, zip.getUnixSymlink(entry), false);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        file(path, in, (entry.getUnixMode() & 0100) != 0);
                    }
                }
            }
        }
    }

    /** The entry name as a safe relative path ({@code ""} for the archive root itself). */
    private static String checkedName(String raw) {
        String name = raw;
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.equals(".")) {
            if (raw.startsWith("/")) {
                throw refused(raw, "is an absolute path");
            }
            return "";
        }
        try {
            return RelativePath.check(name);
        } catch (IllegalArgumentException e) {
            throw refused(raw, String.valueOf(e.getMessage()));
        }
    }

    private void directory(String path) throws IOException {
        count(0);
        if (!path.isEmpty()) {
            Files.createDirectories(into.resolve(path));
        }
    }

    private void file(String path, InputStream in, boolean executable) throws IOException {
        count(0);
        Path target = into.resolve(path);
        Files.createDirectories(target.getParent());
        byte[] buffer = new byte[FileBlobStore.BUFFER];
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                count(n);
                out.write(buffer, 0, n);
            }
        }
        if (executable && !target.toFile().setExecutable(true, false)) {
            throw new IOException("cannot mark " + path + " executable");
        }
    }

    private void link(String path, String target, boolean hard) {
        count(0);
        if (!hard && !RelativePath.linkStaysInside(path, target)) {
            throw refused(path, "is a link pointing outside the release (" + target + ")");
        }
        links.add(new Link(path, target, hard));
    }

    private void finishLinks() throws IOException {
        for (Link link : links) {
            Path at = into.resolve(link.path());
            Files.createDirectories(at.getParent());
            if (link.hard()) {
                Path source = into.resolve(link.target());
                if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    throw refused(
                            link.path(), "is a hard link to " + link.target() + ", which is not a file in the archive");
                }
                Files.copy(source, at);
            } else {
                Files.createSymbolicLink(at, Path.of(link.target()));
            }
        }
        Path root = into.toRealPath();
        for (Link link : links) {
            Path at = into.resolve(link.path());
            if (Files.exists(at) && !at.toRealPath().startsWith(root)) {
                throw refused(link.path(), "resolves outside the release through other links");
            }
        }
    }

    private void count(long more) {
        bytes += more;
        if (more == 0 && ++entries > MAX_ENTRIES) {
            throw new InstallException("archive has more than " + MAX_ENTRIES + " entries");
        }
        if (bytes > MAX_BYTES) {
            throw new InstallException("archive expands beyond " + (MAX_BYTES >> 30) + " GiB");
        }
    }

    private static InstallException refused(String name, String why) {
        return new InstallException("archive entry '" + name.replaceAll("\\p{Cntrl}", "?") + "' refused: " + why);
    }
}
