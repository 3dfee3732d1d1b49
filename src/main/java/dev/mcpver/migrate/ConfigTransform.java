package dev.mcpver.migrate;

import dev.mcpver.rollback.ConfigEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries a deployment's configuration over to a target version, deterministically: the plan's renames, then the
 * target's declared renames ({@code renamedFrom}), then defaults for required variables still missing, then the
 * plan's explicit entries. Secrets move as references; values are never read here.
 */
public final class ConfigTransform {
    /**
     * The result.
     *
     * @param config the target's configuration
     * @param notes what changed, one sentence each
     * @param missing required variables that are still not set (the environment check fails on them)
     */
    public record Result(List<ConfigEntry> config, List<String> notes, List<String> missing) {
        public Result {
            config = List.copyOf(config);
            notes = List.copyOf(notes);
            missing = List.copyOf(missing);
        }
    }

    private ConfigTransform() {}

    public static Result apply(List<ConfigEntry> source, List<EnvRequirement> required, PlanOptions options) {
        Map<String, ConfigEntry> config = new LinkedHashMap<>();
        source.forEach(e -> config.put(e.name(), e));
        List<String> notes = new ArrayList<>();
        options.configRenames().forEach((from, to) -> rename(config, from, to, notes, "plan"));
        for (EnvRequirement requirement : required) {
            if (requirement.renamedFrom() != null && !config.containsKey(requirement.name())) {
                rename(config, requirement.renamedFrom(), requirement.name(), notes, "target");
            }
        }
        for (EnvRequirement requirement : required) {
            if (!config.containsKey(requirement.name()) && requirement.defaultValue() != null) {
                config.put(requirement.name(), ConfigEntry.plain(requirement.name(), requirement.defaultValue()));
                notes.add(requirement.name() + " set to the target's default");
            }
        }
        for (ConfigEntry entry : options.configSet()) {
            notes.add(entry.name() + (config.containsKey(entry.name()) ? " replaced" : " added") + " by the plan");
            config.put(entry.name(), entry);
        }
        List<String> missing = required.stream()
                .map(EnvRequirement::name)
                .filter(name -> !config.containsKey(name))
                .toList();
        return new Result(new ArrayList<>(config.values()), notes, missing);
    }

    private static void rename(Map<String, ConfigEntry> config, String from, String to, List<String> notes, String by) {
        ConfigEntry entry = config.remove(from);
        if (entry != null) {
            config.put(to, entry.renamed(to));
            notes.add(from + " renamed to " + to + " (" + by + ")");
        }
    }
}
