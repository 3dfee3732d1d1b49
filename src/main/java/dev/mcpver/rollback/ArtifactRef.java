package dev.mcpver.rollback;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a release comes from.
 *
 * <ul>
 *   <li>{@code directory}: a local directory, copied; {@code sha256} (optional) is the {@link Manifest#hash()} of
 *       the tree.
 *   <li>{@code archive}: a local {@code .tar.gz}/{@code .tgz} or {@code .zip}; {@code sha256} of the file is
 *       required; entries with absolute paths, {@code ..} or links leaving the release are refused.
 *   <li>{@code npm}: an npm package spec ({@code name@version}) or local {@code .tgz}; the package tarball is
 *       fetched with {@code npm pack}, checked ({@code sha256} optional), then installed with
 *       {@code npm install --ignore-scripts} into the release directory.
 * </ul>
 *
 * @param kind which of the three
 * @param location path or package spec
 * @param sha256 expected digest (see above)
 * @param signature a detached signature over the digest, verified against trusted keys when present
 */
public record ArtifactRef(
        Kind kind,
        String location,
        @Nullable String sha256,
        @Nullable ArtifactSignature signature) {
    /** The artifact kinds. */
    public enum Kind {
        DIRECTORY,
        ARCHIVE,
        NPM;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ArtifactRef {
        if (location.isBlank()) {
            throw new IllegalArgumentException("artifact location must not be blank");
        }
        if (sha256 != null) {
            Names.sha256(sha256);
        }
        if (kind == Kind.ARCHIVE && sha256 == null) {
            throw new IllegalArgumentException("an archive artifact needs its sha256");
        }
        if (signature != null && sha256 == null && kind != Kind.NPM) {
            throw new IllegalArgumentException("a signature signs the sha256: give both");
        }
    }

    public static ArtifactRef directory(String path) {
        return new ArtifactRef(Kind.DIRECTORY, path, null, null);
    }

    public static ArtifactRef archive(String path, String sha256) {
        return new ArtifactRef(Kind.ARCHIVE, path, sha256, null);
    }

    public static ArtifactRef npm(String spec) {
        return new ArtifactRef(Kind.NPM, spec, null, null);
    }

    public ArtifactRef withSignature(ArtifactSignature newSignature) {
        return new ArtifactRef(kind, location, sha256, newSignature);
    }
}
