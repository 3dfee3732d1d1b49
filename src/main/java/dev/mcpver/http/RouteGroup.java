package dev.mcpver.http;

import io.javalin.config.RoutesConfig;

/**
 * The routes of one feature. Implementations parse and validate input, call the feature's service and map the
 * result; failures are thrown (see {@link ErrorMapper}), never written by hand.
 */
@FunctionalInterface
public interface RouteGroup {
    void addTo(RoutesConfig routes);

    /** Domain exceptions this feature throws and the problems they become; registered once at start. */
    default void registerErrors(ErrorMapper errors) {}
}
