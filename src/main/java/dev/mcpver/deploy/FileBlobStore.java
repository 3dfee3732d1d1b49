package dev.mcpver.deploy;

import dev.mcpver.rollback.BlobStore;
import dev.mcpver.rollback.Names;
import dev.mcpver.rollback.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Blobs as files named by their SHA-256 under {@code rollback/blobs/ab/cdef…}. A blob is written to a temporary file
 * while its bytes are hashed and renamed into place only when the digest matches, so a crash never leaves a blob
 * whose name lies about its content. Thread-safe; the {@link #lock} spans threads (a read/write lock) and processes
 * (an OS file lock on {@code blobs.lock}, released by the kernel even on {@code kill -9}).
 */
public final class FileBlobStore implements BlobStore {
    static final int BUFFER = 128 * 1024;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    private final Path root;
    private final Path lockFile;
    private final ReentrantReadWriteLock threads = new ReentrantReadWriteLock(true);
    private final Object osLockGuard = new Object();
    private int sharedHolders;
    private @Nullable FileChannel lockChannel;
    private @Nullable FileLock osLock;

    public FileBlobStore(HomeLayout layout) {
        this.root = layout.blobs();
        this.lockFile = layout.blobLock();
    }

    Path path(String sha256) {
        Names.sha256(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    /**
     * Stores the content of {@code source} under {@code expectedSha256} unless already present. The copy is hashed
     * again as it is written; a source that changed since it was hashed fails instead of storing a lie.
     */
    void put(Path source, String expectedSha256) {
        Path target = path(expectedSha256);
        if (Files.exists(target)) {
            return;
        }
        Path temp = root.resolve("tmp")
                .resolve(expectedSha256 + "." + ThreadLocalRandom.current().nextLong(1L << 40));
        try {
            Files.createDirectories(temp.getParent());
            String written = copyHashing(source, temp);
            if (!written.equals(expectedSha256)) {
                throw new IllegalStateException(source + " changed while it was being captured");
            }
            Files.createDirectories(target.getParent());
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + expectedSha256 + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // another thread stored the same content first: identical bytes by construction
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the blob directory must support atomic renames", e);
        }
    }

    /** Copies {@code source} to {@code target} (created new) and returns the SHA-256 of the bytes copied. */
    static String copyHashing(Path source, Path target) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = BUFFERS.get();
        try (InputStream in = Files.newInputStream(source);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return Sha256.hex(digest);
    }

    /** SHA-256 of a file's content. */
    static String hash(Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = BUFFERS.get();
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return Sha256.hex(digest);
    }

    /**
     * Writes a blob's content to {@code target} (created new) and reports whether the bytes hashed to the blob's
     * name. A missing blob throws {@link NoSuchFileException}.
     */
    boolean copyOut(String sha256, Path target) throws IOException {
        return copyHashing(path(sha256), target).equals(sha256);
    }

    @Override
    public BlobState check(String sha256, long size) {
        Path file = path(sha256);
        try {
            if (Files.size(file) != size) {
                return BlobState.CORRUPTED;
            }
            return hash(file).equals(sha256) ? BlobState.OK : BlobState.CORRUPTED;
        } catch (NoSuchFileException e) {
            return BlobState.MISSING;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + sha256 + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list() {
        List<String> digests = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return digests;
        }
        try (Stream<Path> fans = Files.list(root)) {
            for (Path fan :
                    fans.filter(p -> p.getFileName().toString().length() == 2).toList()) {
                try (Stream<Path> files = Files.list(fan)) {
                    files.map(f -> fan.getFileName().toString() + f.getFileName())
                            .filter(Names::isSha256)
                            .forEach(digests::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list blobs: " + e.getMessage(), e);
        }
        return digests;
    }

    @Override
    public long delete(String sha256) {
        Path file = path(sha256);
        try {
            long size = Files.size(file);
            Files.delete(file);
            return size;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob " + sha256 + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Lock lock(LockMode mode) {
        if (mode == LockMode.COLLECT) {
            threads.writeLock().lock();
            acquireOs(false);
            return () -> {
                releaseOs();
                threads.writeLock().unlock();
            };
        }
        threads.readLock().lock();
        acquireOs(true);
        return () -> {
            releaseOs();
            threads.readLock().unlock();
        };
    }

    /** The first shared holder (or the exclusive one) takes the OS lock; the JVM lock already orders threads. */
    private void acquireOs(boolean shared) {
        synchronized (osLockGuard) {
            if (sharedHolders++ > 0) {
                return;
            }
            try {
                Files.createDirectories(lockFile.getParent());
                FileChannel channel = FileChannel.open(
                        lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                lockChannel = channel;
                osLock = channel.lock(0, Long.MAX_VALUE, shared);
            } catch (IOException e) {
                sharedHolders--;
                throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    private void releaseOs() {
        synchronized (osLockGuard) {
            if (--sharedHolders > 0) {
                return;
            }
            try {
                if (osLock != null) {
                    osLock.release();
                }
                if (lockChannel != null) {
                    lockChannel.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unlock " + lockFile + ": " + e.getMessage(), e);
            } finally {
                osLock = null;
                lockChannel = null;
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless: it is never read, and the next GC of tmp/ removes it
        }
    }
}
