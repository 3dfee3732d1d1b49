package dev.mcpver.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.rollback.ArtifactSignature;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.InstallException;
import dev.mcpver.rollback.InstalledRelease;
import dev.mcpver.rollback.SignatureCheck;
import dev.mcpver.testing.ReleaseTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Installing directories, archives and npm packages, and refusing unsafe archives. */
class ArtifactInstallerTest {
    private static final DeploymentId ID = new DeploymentId("srv", "staging");

    @TempDir
    Path temp;

    HomeLayout layout;
    ArtifactInstaller installer;

    @BeforeEach
    void setUp() {
        layout = new HomeLayout(temp.resolve("home"));
        installer = new ArtifactInstaller(
                layout,
                new TrustedKeysSignatureVerifier(layout),
                new NpmPackages("npm", Duration.ofMinutes(2), Map.of("npm_config_offline", "true")),
                Clock.systemUTC());
    }

    @Test
    void should_install_a_directory_and_measure_its_tree_hash() throws IOException {
        Path source = ReleaseTrees.write(temp.resolve("src"), Map.of("index.js", "x", "lib/a.js", "y"));
        Files.createSymbolicLink(source.resolve("lib/link.js"), Path.of("a.js"));

        InstalledRelease release =
                installer.install(ID, "1.0.0", "1.0.0", ArtifactRef.directory(source.toString()), false);

        Path dir = layout.release(ID, "1.0.0");
        assertThat(ReleaseTrees.read(dir.resolve("lib/a.js"))).isEqualTo("y");
        assertThat(Files.readSymbolicLink(dir.resolve("lib/link.js"))).isEqualTo(Path.of("a.js"));
        assertThat(release.artifactSha256()).isEqualTo(release.manifestHash());
        assertThat(release.signature().status()).isEqualTo(SignatureCheck.Status.UNSIGNED);
        assertThat(Files.list(layout.staging(ID))).isEmpty();
    }

    @Test
    void should_install_tar_gz_and_zip_archives_with_the_executable_bit() throws IOException {
        Path tgz = tar(
                temp.resolve("r.tar.gz"), List.of(file("./bin/run", "#!/bin/sh", 0755), file("./README", "r", 0644)));
        Path zip = zip(temp.resolve("r.zip"), Map.of("bin/run", "#!/bin/sh", "README", "r"));

        installer.install(ID, "1.0.0", "1.0.0", ArtifactRef.archive(tgz.toString(), FileBlobStore.hash(tgz)), false);
        installer.install(ID, "2.0.0", "2.0.0", ArtifactRef.archive(zip.toString(), FileBlobStore.hash(zip)), false);

        assertThat(Files.isExecutable(layout.release(ID, "1.0.0").resolve("bin/run")))
                .isTrue();
        assertThat(Files.isExecutable(layout.release(ID, "1.0.0").resolve("README")))
                .isFalse();
        assertThat(ReleaseTrees.read(layout.release(ID, "2.0.0").resolve("bin/run")))
                .isEqualTo("#!/bin/sh");
    }

    @Test
    void should_refuse_an_archive_whose_sha256_differs_before_unpacking_it() throws IOException {
        Path tgz = tar(temp.resolve("r.tgz"), List.of(file("a", "a", 0644)));

        assertThatThrownBy(() -> installer.install(
                        ID, "1.0.0", "1.0.0", ArtifactRef.archive(tgz.toString(), "0".repeat(64)), false))
                .isInstanceOf(InstallException.class)
                .hasMessageContaining("sha256 mismatch");
        assertThat(layout.release(ID, "1.0.0")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/cron.d/evil", "../evil", "a/../../evil", "a/./../../evil"})
    void should_refuse_tar_entries_that_escape_the_release(String name) throws IOException {
        Path tgz = tar(temp.resolve("evil.tgz"), List.of(file("ok", "fine", 0644), absoluteFile(name, "pwned")));

        assertThatThrownBy(() -> install(tgz))
                .isInstanceOf(InstallException.class)
                .hasMessageContaining("refused");
        assertThat(temp.resolve("evil")).doesNotExist();
        assertThat(layout.release(ID, "1.0.0")).doesNotExist();
    }

    @Test
    void should_refuse_a_zip_entry_that_escapes_the_release() throws IOException {
        Path zip = zip(temp.resolve("evil.zip"), Map.of("ok", "x", "../../evil", "pwned"));

        assertThatThrownBy(() -> install(zip))
                .isInstanceOf(InstallException.class)
                .hasMessageContaining("'..' not allowed");
        assertThat(temp.resolve("evil")).doesNotExist();
    }

    @Test
    void should_refuse_symbolic_links_pointing_outside_directly_or_through_another_link() throws IOException {
        Path direct = tar(temp.resolve("direct.tgz"), List.of(symlink("etc", "/etc")));
        Path climbing = tar(temp.resolve("climb.tgz"), List.of(symlink("a/up", "../../..")));
        Path chained = tar(temp.resolve("chain.tgz"), List.of(symlink("here", "."), symlink("x", "here/../../secret")));

        assertThatThrownBy(() -> install(direct)).hasMessageContaining("link pointing outside");
        assertThatThrownBy(() -> install(climbing)).hasMessageContaining("link pointing outside");
        assertThatThrownBy(() -> install(chained)).isInstanceOf(InstallException.class);
        assertThat(layout.releases(ID).resolve("1.0.0")).doesNotExist();
    }

    @Test
    void should_refuse_a_hard_link_to_a_file_outside_the_archive() throws IOException {
        TarArchiveEntry hard = new TarArchiveEntry("passwd", TarArchiveEntry.LF_LINK);
        hard.setLinkName("/etc/passwd");
        Path tgz = tar(temp.resolve("hard.tgz"), List.of(new Entry(hard, null)));

        assertThatThrownBy(() -> install(tgz))
                .isInstanceOf(InstallException.class)
                .hasMessageContaining("refused");
    }

    @Test
    void should_verify_ed25519_signatures_against_trusted_keys_only() throws Exception {
        Path tgz = tar(temp.resolve("r.tgz"), List.of(file("a", "a", 0644)));
        String sha = FileBlobStore.hash(tgz);
        KeyPair trusted = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(layout.home().resolve("trusted-keys"));
        Files.writeString(
                layout.home().resolve("trusted-keys/release-key.pub"),
                Base64.getEncoder().encodeToString(trusted.getPublic().getEncoded()));
        ArtifactRef archive = ArtifactRef.archive(tgz.toString(), sha);

        InstalledRelease signed =
                installer.install(ID, "1.0.0", "1.0.0", archive.withSignature(sign(trusted, "release-key", sha)), true);
        assertThat(signed.signature().status()).isEqualTo(SignatureCheck.Status.VERIFIED);

        assertThatThrownBy(() -> installer.install(
                        ID, "2.0.0", "2.0.0", archive.withSignature(sign(stranger, "release-key", sha)), false))
                .hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> installer.install(
                        ID, "2.0.0", "2.0.0", archive.withSignature(sign(stranger, "other-key", sha)), false))
                .hasMessageContaining("not in");
        assertThatThrownBy(() -> installer.install(ID, "2.0.0", "2.0.0", archive, true))
                .hasMessageContaining("no signature");
    }

    @Test
    void should_install_an_npm_package_with_ignore_scripts() throws IOException {
        NpmPackages npm = new NpmPackages("npm", Duration.ofMinutes(2), Map.of("npm_config_offline", "true"));
        assumeTrue(npm.available(), "npm is not installed");
        Path pkg = ReleaseTrees.write(
                temp.resolve("pkg"),
                Map.of(
                        "package.json",
                        "{\"name\":\"fixture-mcp\",\"version\":\"1.2.3\",\"bin\":{\"fixture-mcp\":\"index.js\"},"
                                + "\"scripts\":{\"postinstall\":\"touch " + temp.resolve("scripts-ran") + "\"}}",
                        "index.js",
                        "#!/usr/bin/env node\nconsole.log('hi')\n"));
        Processes.run(
                List.of("npm", "pack", "--pack-destination", temp.toString(), pkg.toString()),
                temp,
                Map.of(),
                Duration.ofMinutes(1));
        Path tarball;
        try (Stream<Path> files = Files.list(temp)) {
            tarball =
                    files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow();
        }

        InstalledRelease release = installer.install(
                ID,
                "1.2.3",
                "1.2.3",
                new ArtifactRef(ArtifactRef.Kind.NPM, tarball.toString(), FileBlobStore.hash(tarball), null),
                false);

        Path dir = layout.release(ID, "1.2.3");
        assertThat(dir.resolve("node_modules/fixture-mcp/index.js")).exists();
        assertThat(Files.isSymbolicLink(dir.resolve("node_modules/.bin/fixture-mcp")))
                .isTrue();
        assertThat(temp.resolve("scripts-ran")).doesNotExist();
        assertThat(release.artifactSha256()).isEqualTo(FileBlobStore.hash(tarball));
    }

    private void install(Path archive) throws IOException {
        installer.install(
                ID, "1.0.0", "1.0.0", ArtifactRef.archive(archive.toString(), FileBlobStore.hash(archive)), false);
    }

    private static ArtifactSignature sign(KeyPair keys, String keyId, String sha) throws Exception {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(keys.getPrivate());
        ed25519.update(ArtifactSignature.signedText(sha).getBytes(StandardCharsets.UTF_8));
        return new ArtifactSignature(keyId, "ed25519", Base64.getEncoder().encodeToString(ed25519.sign()));
    }

    record Entry(TarArchiveEntry header, byte[] content) {}

    static Entry file(String name, String content, int mode) {
        TarArchiveEntry header = new TarArchiveEntry(name);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        header.setSize(bytes.length);
        header.setMode(0100000 | mode);
        return new Entry(header, bytes);
    }

    static Entry absoluteFile(String name, String content) {
        TarArchiveEntry header = new TarArchiveEntry(name, true);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        header.setSize(bytes.length);
        return new Entry(header, bytes);
    }

    static Entry symlink(String name, String target) {
        TarArchiveEntry header = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
        header.setLinkName(target);
        return new Entry(header, null);
    }

    static Path tar(Path file, List<Entry> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry entry : entries) {
                tar.putArchiveEntry(entry.header());
                if (entry.content() != null) {
                    tar.write(entry.content());
                }
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    static Path zip(Path file, Map<String, String> entries) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                ZipArchiveEntry header = new ZipArchiveEntry(entry.getKey());
                header.setUnixMode(0100000 | (entry.getKey().startsWith("bin/") ? 0755 : 0644));
                zip.putArchiveEntry(header);
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return file;
    }
}
