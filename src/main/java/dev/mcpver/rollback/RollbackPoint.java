package dev.mcpver.rollback;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A content-addressed snapshot of a deployment: its release files (by manifest), plus the deployment record —
 * version, launch spec and configuration (secrets only as references).
 *
 * @param id ULID
 * @param deployment whose release it is
 * @param state the deployment record at creation (its {@code releaseDir} is where the files were read)
 * @param manifestHash {@link Manifest#hash()} of the captured files
 * @param fileCount number of entries
 * @param totalBytes sum of file sizes (before deduplication)
 * @param description why it was taken
 * @param tags free labels such as {@code pre-migration}
 * @param createdAt creation time
 * @param expiresAt after this, retention removes it; null keeps it until the count limit applies
 */
public record RollbackPoint(
        String id,
        DeploymentId deployment,
        DeploymentState state,
        String manifestHash,
        int fileCount,
        long totalBytes,
        String description,
        List<String> tags,
        Instant createdAt,
        @Nullable Instant expiresAt) {
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    public RollbackPoint {
        if (id.isBlank()) {
            throw new IllegalArgumentException("a rollback point needs an id");
        }
        if (!state.active()) {
            throw new IllegalArgumentException("a rollback point records an active release");
        }
        Names.sha256(manifestHash);
        if (description.length() > 500) {
            throw new IllegalArgumentException("description longer than 500 characters");
        }
        tags = List.copyOf(tags);
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("tag '" + tag + "' is invalid: letters, digits, . _ : - (max 64)");
            }
        }
    }

    /** The version the point restores. */
    public String version() {
        return java.util.Objects.requireNonNull(state.version());
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
