package dev.mcpver.rollback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a deployment runs: what a switch replaces as a whole and what a rollback point records.
 *
 * @param version active version; null before the first release is activated
 * @param releaseDir directory under {@code releases/} holding the active files; null with {@code version}
 * @param launch how the active release is started
 * @param config configuration values (secrets by reference only)
 */
public record DeploymentState(
        @Nullable String version, @Nullable String releaseDir, LaunchSpec launch, List<ConfigEntry> config) {
    public DeploymentState {
        if ((version == null) != (releaseDir == null)) {
            throw new IllegalArgumentException("version and release directory are set together");
        }
        if (version != null) {
            Names.version(version);
            Names.releaseDir(java.util.Objects.requireNonNull(releaseDir));
        }
        config = List.copyOf(config);
        Set<String> names = new HashSet<>();
        for (ConfigEntry entry : config) {
            if (!names.add(entry.name())) {
                throw new IllegalArgumentException("config " + entry.name() + " is given twice");
            }
        }
    }

    public DeploymentState withRelease(String newVersion, String newDir) {
        return new DeploymentState(newVersion, newDir, launch, config);
    }

    public DeploymentState withLaunch(LaunchSpec newLaunch) {
        return new DeploymentState(version, releaseDir, newLaunch, config);
    }

    public DeploymentState withConfig(List<ConfigEntry> newConfig) {
        return new DeploymentState(version, releaseDir, launch, newConfig);
    }

    public Optional<ConfigEntry> configEntry(String name) {
        return config.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** This configuration with {@code entry} added or replacing the entry of the same name. */
    public List<ConfigEntry> configWith(ConfigEntry entry) {
        List<ConfigEntry> next = new ArrayList<>(
                config.stream().filter(e -> !e.name().equals(entry.name())).toList());
        next.add(entry);
        return next;
    }

    public boolean active() {
        return version != null;
    }
}
