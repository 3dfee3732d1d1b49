/**
 * API tokens: created and revoked by admins, stored only as SHA-256 hashes, resolved to callers by
 * {@link dev.mcpver.tokens.StoredTokenAuthenticator}. On first start {@link dev.mcpver.tokens.TokenService#bootstrap}
 * creates the first admin token (or adopts {@code MCPVER_BOOTSTRAP_TOKEN}). Every change is audited.
 */
@NullMarked
package dev.mcpver.tokens;

import org.jspecify.annotations.NullMarked;
