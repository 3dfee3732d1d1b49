package dev.mcpver.deploy;

import dev.mcpver.migrate.HostCheck;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Host facts from this machine: executables on {@code PATH}, resolvable secret references. Thread-safe. */
public final class LocalHostCheck implements HostCheck {
    private final SecretResolver secrets;

    public LocalHostCheck(SecretResolver secrets) {
        this.secrets = secrets;
    }

    @Override
    public boolean commandAvailable(String command) {
        if (command.contains("/") || command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = secrets.env("PATH").orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean secretResolvable(String reference) {
        return secrets.resolvable(reference);
    }
}
