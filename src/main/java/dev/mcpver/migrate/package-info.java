/**
 * Migrations of a deployment to a target version (pure engine): {@link dev.mcpver.migrate.MigrationPlanner} builds a
 * stored, versioned {@link dev.mcpver.migrate.MigrationPlan} (pre-migration checks, migration steps, post-migration
 * checks, rollback steps, estimated duration); {@link dev.mcpver.migrate.MigrationExecutor} runs it step by step,
 * committing each step's status and effects before the next, rolls back automatically on failure, and after a
 * crash finishes an interrupted migration deterministically. Also: client migration guides from a compatibility
 * report, and validated automated-update schedules.
 *
 * <p>Pure: processes, MCP sessions, files, the registry, the compatibility analyzer and the database are reached
 * through ports ({@link dev.mcpver.migrate.ServerControl}, {@link dev.mcpver.migrate.SurfaceProbe},
 * {@link dev.mcpver.migrate.TargetCatalog}, {@link dev.mcpver.migrate.CompatibilityCheck},
 * {@link dev.mcpver.migrate.HostCheck}, {@link dev.mcpver.migrate.MigrationStore},
 * {@link dev.mcpver.migrate.CanaryController}) and the {@code rollback} engine's services.
 */
@NullMarked
package dev.mcpver.migrate;

import org.jspecify.annotations.NullMarked;
