/**
 * The audit log (不可更改的后台记录): append-only entries chained by SHA-256, checked against a head the
 * host remembered, the leaves of the Merkle tree each trail keeps ({@link org.enrollment.core.audit.AuditTrail#tree()}),
 * exported as JSON Lines; children named by a keyed hash, never by their ID. In a file, it is
 * the journal of the embedded durable mode ({@link org.enrollment.core.audit.FileAuditTrail}, {@link
 * org.enrollment.core.audit.Durability}); what each accepted entry wrote is sealed under the child key ({@link
 * org.enrollment.core.audit.StateSeal}), so that replaying the log rebuilds every registration ({@link
 * org.enrollment.core.audit.LogReplay}).
 */
package org.enrollment.core.audit;
