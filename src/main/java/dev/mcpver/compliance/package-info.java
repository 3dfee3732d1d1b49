/**
 * Compliance rules written in CEL (Common Expression Language, Google's cel-java; ADR 0034): global, per-category
 * and per-server rules with a severity and a message, evaluated against a version, its server, its surface, its
 * attestations and the gate report so far. {@link dev.mcpver.compliance.ComplianceGate} blocks promotion on any
 * critical failure; every evaluation made for a promotion is stored with the gate report.
 */
@NullMarked
package dev.mcpver.compliance;

import org.jspecify.annotations.NullMarked;
