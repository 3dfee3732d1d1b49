/**
 * Deployments and their way back (pure engine). A {@link dev.mcpver.rollback.Deployment} is one server in one
 * environment: its active release directory, launch spec and configuration (secrets only by reference). A
 * {@link dev.mcpver.rollback.RollbackPoint} is a content-addressed snapshot of a release: every file is stored once
 * by SHA-256 (shared across points), and a {@link dev.mcpver.rollback.Manifest} hash covers the file list.
 * {@link dev.mcpver.rollback.RollbackService} creates, verifies, restores (fresh directory, verify, atomic switch,
 * undo until confirmed) and prunes points.
 *
 * <p>Pure: files, processes and the database are reached only through the ports in this package
 * ({@link dev.mcpver.rollback.ReleaseArea}, {@link dev.mcpver.rollback.BlobStore},
 * {@link dev.mcpver.rollback.DeploymentStore}, {@link dev.mcpver.rollback.RollbackStore},
 * {@link dev.mcpver.rollback.ActivationListener}); adapters live in {@code deploy} and {@code store}.
 */
@NullMarked
package dev.mcpver.rollback;

import org.jspecify.annotations.NullMarked;
