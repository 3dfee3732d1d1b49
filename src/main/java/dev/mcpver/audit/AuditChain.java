package dev.mcpver.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The hash that links audit entries, and the verifier that walks a chain.
 *
 * <p>{@code hash = SHA-256("mcpver-audit-v1" ‖ field₁ ‖ … ‖ field₁₀)} where each field is framed as a 4-byte
 * big-endian length (−1 for null) followed by its UTF-8 bytes, in this order: seq (decimal), at, actor, action,
 * targetType, targetId, before, after, requestId, prevHash. The framing makes the encoding unambiguous without
 * escaping, and hashing works on the bytes as stored (ADR 0031).
 *
 * <p>Not thread-safe: one instance per thread (it reuses a {@link MessageDigest}).
 */
public final class AuditChain {
    /** The {@code prevHash} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] DOMAIN = "mcpver-audit-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest digest;
    private final byte[] length = new byte[4];
    private final byte[] hex = new byte[64];

    public AuditChain() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    /** The hash an entry with these fields must carry. */
    public String hash(
            long seq,
            String at,
            String actor,
            String action,
            String targetType,
            String targetId,
            @Nullable String before,
            @Nullable String after,
            String requestId,
            String prevHash) {
        @Nullable String[] texts = {at, actor, action, targetType, targetId, before, after, requestId, prevHash};
        byte[][] fields = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            fields[i] = texts[i] == null ? null : texts[i].getBytes(StandardCharsets.UTF_8);
        }
        return new String(hexHash(seq, fields), StandardCharsets.US_ASCII);
    }

    /** The hash a stored entry should carry, recomputed from its content. */
    public String hashOf(AuditEntry entry) {
        return hash(
                entry.seq(),
                entry.at(),
                entry.actor(),
                entry.action(),
                entry.targetType(),
                entry.targetId(),
                entry.before(),
                entry.after(),
                entry.requestId(),
                entry.prevHash());
    }

    /** Whether a raw entry's content hashes to its stored hash. */
    public boolean matches(RawEntry entry) {
        return Arrays.equals(hexHash(entry.seq(), entry.fields()), entry.hash());
    }

    /** A verifier for a whole chain read in ascending {@code seq} order. */
    public static Verifier verifier() {
        return new Verifier(1, GENESIS);
    }

    /**
     * A verifier for one segment of a chain, starting at {@code firstSeq}; the link of its first entry to the entry
     * before is checked when segments are joined ({@link Verifier#join}).
     */
    public static Verifier segment(long firstSeq) {
        return new Verifier(firstSeq, null);
    }

    /** Lower-case hex of the SHA-256, as ASCII bytes; the returned array is reused by the next call. */
    private byte[] hexHash(long seq, byte[][] fields) {
        digest.reset();
        digest.update(DOMAIN);
        field(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
        for (byte[] value : fields) {
            field(value);
        }
        byte[] raw = digest.digest();
        for (int i = 0; i < raw.length; i++) {
            hex[2 * i] = HEX[(raw[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[raw[i] & 0xF];
        }
        return hex;
    }

    private void field(byte @Nullable [] value) {
        int n = value == null ? -1 : value.length;
        length[0] = (byte) (n >>> 24);
        length[1] = (byte) (n >>> 16);
        length[2] = (byte) (n >>> 8);
        length[3] = (byte) n;
        digest.update(length);
        if (value != null) {
            digest.update(value);
        }
    }
}
