package dev.mcpver.audit;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * An audit entry as raw UTF-8 bytes, straight from the database: what verification hashes, without decoding text
 * into strings and encoding it back (which costs more than the hashing itself on a million entries).
 *
 * @param seq position in the chain
 * @param fields the nine text fields in hash order (at, actor, action, targetType, targetId, before, after,
 *     requestId, prevHash); the elements for before/after may be null
 * @param hash the stored hash, as hex ASCII
 */
public record RawEntry(long seq, byte[][] fields, byte[] hash) {
    /** Index of {@code prevHash} in {@link #fields}. */
    public static final int PREV_HASH = 8;

    public static RawEntry of(AuditEntry entry) {
        @Nullable
        String[] texts = {
            entry.at(),
            entry.actor(),
            entry.action(),
            entry.targetType(),
            entry.targetId(),
            entry.before(),
            entry.after(),
            entry.requestId(),
            entry.prevHash()
        };
        byte[][] fields = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            fields[i] = texts[i] == null ? null : texts[i].getBytes(StandardCharsets.UTF_8);
        }
        return new RawEntry(entry.seq(), fields, entry.hash().getBytes(StandardCharsets.US_ASCII));
    }

    byte[] prevHash() {
        byte[] prev = fields[PREV_HASH];
        return prev == null ? new byte[0] : prev;
    }
}
