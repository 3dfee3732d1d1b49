/**
 * Persistence: the only package that sees Jdbi, JDBC and Flyway. It opens SQLite (default, WAL) or PostgreSQL
 * (scale-out), applies the numbered migrations from {@code db/migration/common} plus the vendor folder, and
 * implements the ports that features declare.
 *
 * <p>Migration version ranges are reserved per feature so that work on different features never collides:
 * 1–9 core, 10–19 agent and traces, 20–29 compatibility and snapshots, 30–39 registry, lifecycle, auth and
 * audit, 40–49 deployments, rollback and migrations, 50–59 A/B experiments, 60–69 gateway.
 */
@NullMarked
package dev.mcpver.store;

import org.jspecify.annotations.NullMarked;
