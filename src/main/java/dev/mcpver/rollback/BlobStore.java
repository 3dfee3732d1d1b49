package dev.mcpver.rollback;

import java.util.List;

/**
 * Port: the content-addressed blob area shared by every rollback point. Thread-safe and safe across processes (a
 * CLI prune and a running service).
 *
 * <p>Adding blobs and collecting garbage exclude each other through {@link #lock}: a point being created holds
 * {@link LockMode#ADD} from hashing its files until its rows commit, so a collector can never delete a blob that a
 * point is about to reference.
 */
public interface BlobStore {
    /** Who holds the blob area. */
    enum LockMode {
        /** Adding or reading blobs; many holders at once. */
        ADD,
        /** Deleting unreferenced blobs; alone. */
        COLLECT
    }

    /** A held lock; closing releases it. */
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** What a blob's stored bytes say. */
    enum BlobState {
        OK,
        MISSING,
        CORRUPTED
    }

    Lock lock(LockMode mode);

    /** Re-hashes a blob (and checks its size). */
    BlobState check(String sha256, long size);

    /** Every stored digest. */
    List<String> list();

    /** Deletes a blob; returns the bytes freed (0 when it was absent). */
    long delete(String sha256);
}
