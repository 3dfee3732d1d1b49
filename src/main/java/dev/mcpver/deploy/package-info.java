/**
 * The machine side of deployments (adapter): release directories and the content-addressed blob area under
 * {@code MCPVER_HOME}, artifact installation (directories, {@code .tar.gz}/{@code .zip} archives, npm packages),
 * the process supervisor that starts and stops deployed MCP servers, and the MCP client that handshakes with them
 * and snapshots their surface. The engines in {@code rollback} and {@code migrate} reach all of this through their
 * ports only.
 */
@NullMarked
package dev.mcpver.deploy;

import org.jspecify.annotations.NullMarked;
