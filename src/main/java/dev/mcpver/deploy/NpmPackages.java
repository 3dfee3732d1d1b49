package dev.mcpver.deploy;

import dev.mcpver.rollback.InstallException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * npm packages as release artifacts: {@code npm pack <spec>} fetches the package tarball (no scripts run), the
 * caller checks its digest and signature, then {@code npm install --ignore-scripts} installs it with its
 * dependencies into the release directory ({@code node_modules/<name>}). Thread-safe.
 */
public final class NpmPackages {
    private final String npm;
    private final Duration timeout;
    private final Map<String, String> env;

    /**
     * @param npm the npm executable
     * @param timeout per npm command
     * @param env extra {@code npm_config_*} settings (e.g. {@code npm_config_offline=true} in tests)
     */
    public NpmPackages(String npm, Duration timeout, Map<String, String> env) {
        this.npm = npm;
        this.timeout = timeout;
        this.env = Map.copyOf(env);
    }

    public boolean available() {
        return Processes.available(npm);
    }

    /**
     * Packs {@code spec}, lets {@code check} accept the tarball (it throws to refuse), installs it into {@code into}.
     */
    <T> T install(String spec, Path into, Function<Path, T> check) throws IOException {
        if (!available()) {
            throw new InstallException("npm is not installed: cannot install " + spec);
        }
        Path packs = Files.createTempDirectory("mcpver-npm");
        try {
            Path tarball = pack(spec, packs);
            T checked = check.apply(tarball);
            Files.writeString(into.resolve("package.json"), "{\"private\":true}\n");
            run(
                    List.of(
                            npm,
                            "install",
                            "--ignore-scripts",
                            "--no-audit",
                            "--no-fund",
                            "--omit=dev",
                            "--prefix",
                            into.toString(),
                            tarball.toString()),
                    into);
            return checked;
        } finally {
            Trees.delete(packs);
        }
    }

    private Path pack(String spec, Path packs) throws IOException {
        String resolved =
                Files.exists(Path.of(spec)) ? Path.of(spec).toAbsolutePath().toString() : spec;
        run(List.of(npm, "pack", "--ignore-scripts", "--pack-destination", packs.toString(), resolved), packs);
        try (Stream<Path> files = Files.list(packs)) {
            return files.filter(f -> f.toString().endsWith(".tgz"))
                    .findFirst()
                    .orElseThrow(() -> new InstallException("npm pack produced no tarball for " + spec));
        }
    }

    private void run(List<String> command, Path directory) {
        Processes.Result result;
        try {
            Map<String, String> settings = new java.util.HashMap<>(env);
            settings.putIfAbsent("npm_config_update_notifier", "false");
            result = Processes.run(command, directory, settings, timeout);
        } catch (UncheckedIOException e) {
            throw new InstallException("cannot run npm: " + e.getMessage(), e);
        }
        if (result.exitCode() != 0) {
            String output = result.output().strip();
            throw new InstallException("npm " + command.get(1) + " failed (exit " + result.exitCode() + "): "
                    + output.substring(Math.max(0, output.length() - 500)));
        }
    }
}
