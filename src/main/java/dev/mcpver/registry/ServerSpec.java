package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an operator declares about a server: identity, ownership and how to run it (the operator contract). Used
 * to create and to replace a server's definition.
 *
 * @param name unique name, e.g. {@code io.github.acme/weather} (MCP registry style) or {@code weather}
 * @param description what it offers
 * @param category one lower-case slug ({@code filesystem}, {@code devtools}); compliance rules can target it
 * @param tags lower-case slugs, at most 20, for filtering
 * @param owner team or person responsible
 * @param repository source repository URL
 * @param launch how to run it
 * @param packages published packages (server.json {@code packages})
 * @param remotes hosted endpoints (server.json {@code remotes})
 */
public record ServerSpec(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("category") @Nullable String category,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("owner") String owner,
        @JsonProperty("repository") @Nullable String repository,
        @JsonProperty("launch") LaunchSpec launch,
        @JsonProperty("packages") List<PackageSpec> packages,
        @JsonProperty("remotes") List<RemoteSpec> remotes) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9._-]+)?");
    private static final int MAX_TAGS = 20;

    public ServerSpec {
        name = Checks.text(name, "name", 200);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name: expected letters, digits and ._- with at most one '/' (e.g. io.github.acme/weather)");
        }
        description = Checks.optionalText(description, "description", 4000);
        category = category == null || category.isBlank() ? null : Checks.slug(category, "category");
        tags = normaliseTags(tags);
        owner = Checks.text(owner, "owner", 200);
        repository = repository == null || repository.isBlank() ? null : Checks.httpUrl(repository, "repository");
        Checks.required(launch, "launch");
        packages = packages == null ? List.of() : List.copyOf(packages);
        remotes = remotes == null ? List.of() : List.copyOf(remotes);
        rejectSecretValuesInLaunch(launch, packages);
    }

    /** Names advisories are matched against: the server's name and its packages' identifiers. */
    public List<String> packageNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        packages.forEach(p -> names.add(p.identifier()));
        return List.copyOf(names);
    }

    private static List<String> normaliseTags(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            unique.add(Checks.slug(tag, "tags[]"));
        }
        if (unique.size() > MAX_TAGS) {
            throw new IllegalArgumentException("tags: at most " + MAX_TAGS);
        }
        return List.copyOf(unique);
    }

    private static void rejectSecretValuesInLaunch(LaunchSpec launch, List<PackageSpec> packages) {
        for (PackageSpec pkg : packages) {
            for (EnvironmentVariable variable : pkg.environmentVariables()) {
                if (variable.isSecret() && launch.env().containsKey(variable.name())) {
                    throw new IllegalArgumentException("launch.env." + variable.name()
                            + ": declared secret, so its value must not be stored in the registry");
                }
            }
        }
    }
}
