/**
 * Known vulnerabilities: advisories in the OSV format (the open schema behind osv.dev, GitHub, PyPI and npm
 * advisories) imported offline from files, matched against registered versions and their dependency ranges with
 * our SemVer engine ({@code SEMVER} ranges with introduced/fixed/last_affected/limit events, and explicit
 * {@code versions} lists). {@link dev.mcpver.vuln.VulnerabilityGate} keeps affected versions out of production.
 */
@NullMarked
package dev.mcpver.vuln;

import org.jspecify.annotations.NullMarked;
