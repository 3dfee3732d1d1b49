/**
 * Release signatures: Ed25519 (JDK, no extra library) over a canonical JSON {@link
 * dev.mcpver.signing.ReleaseManifest} that binds a version's identity, artifact hash, surface hash, dependencies,
 * changelog and security updates. Private keys stay with their owner (file or environment variable, never the
 * database or a log); public keys are registered under an id. {@link dev.mcpver.signing.SignatureGate} lets a
 * version into production only with a valid signature by an active key.
 */
@NullMarked
package dev.mcpver.signing;

import org.jspecify.annotations.NullMarked;
