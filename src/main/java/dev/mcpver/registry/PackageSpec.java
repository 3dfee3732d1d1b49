package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published package of the server, as in {@code server.json}'s {@code packages[]}.
 *
 * @param registryType where it is published: {@code npm}, {@code pypi}, {@code oci}, {@code nuget}, {@code mcpb}
 * @param identifier its name there ({@code @modelcontextprotocol/server-filesystem}); matched against advisories
 * @param version the package version, if pinned
 * @param transport how the package talks: {@code stdio}, {@code streamable-http} or {@code sse}
 * @param environmentVariables what it reads from its environment
 */
public record PackageSpec(
        @JsonProperty("registryType") String registryType,
        @JsonProperty("identifier") String identifier,
        @JsonProperty("version") @Nullable String version,
        @JsonProperty("transport") String transport,
        @JsonProperty("environmentVariables") List<EnvironmentVariable> environmentVariables) {
    public static final List<String> REGISTRY_TYPES = List.of("npm", "pypi", "oci", "nuget", "mcpb");

    public PackageSpec {
        if (registryType == null || !REGISTRY_TYPES.contains(registryType)) {
            throw new IllegalArgumentException(
                    "packages[].registryType: expected one of " + REGISTRY_TYPES + ", got \"" + registryType + "\"");
        }
        identifier = Checks.text(identifier, "packages[].identifier", 256);
        transport = transport == null ? "stdio" : transport;
        if (!LaunchSpec.TRANSPORTS.contains(transport)) {
            throw new IllegalArgumentException("packages[].transport: expected one of " + LaunchSpec.TRANSPORTS);
        }
        environmentVariables = environmentVariables == null ? List.of() : List.copyOf(environmentVariables);
        long distinct = environmentVariables.stream()
                .map(EnvironmentVariable::name)
                .distinct()
                .count();
        if (distinct != environmentVariables.size()) {
            throw new IllegalArgumentException("packages[" + identifier + "].environmentVariables: duplicate name");
        }
    }
}
