package dev.mcpver.migrate;

import java.util.List;
import java.util.Optional;

/**
 * Port: the versions of a server that can be deployed — artifact, launch spec, required environment, registered
 * surface and signature. The registry feature ({@code feat/registry}) will implement it over its versions; until
 * then {@code store.SqlTargetCatalog} keeps targets registered through the deployments API.
 */
public interface TargetCatalog {
    Optional<TargetRelease> find(String server, String version);

    /** Known versions of a server, in registration order. */
    List<TargetRelease> versions(String server);
}
