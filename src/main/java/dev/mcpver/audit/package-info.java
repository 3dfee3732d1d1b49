/**
 * The tamper-evident audit trail: every state change (actor, action, target, before/after, request id, time) is
 * appended as an {@link dev.mcpver.audit.AuditEntry} carrying the SHA-256 of the previous entry, so an edited,
 * deleted or reordered row breaks the chain at a place {@link dev.mcpver.audit.AuditChain} can name.
 *
 * <p>Features record through the {@link dev.mcpver.audit.AuditLog} port; store classes that change state append
 * inside their own transaction, so a change and its entry commit together or not at all.
 */
@NullMarked
package dev.mcpver.audit;

import org.jspecify.annotations.NullMarked;
