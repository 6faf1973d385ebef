/**
 * The audit log as a transparency log (透明日志): the entries are the leaves of an RFC 6962 Merkle tree, which
 * every store keeps as it appends ({@link org.enrollment.core.audit.tlog.LogTree}) and a check compares with its
 * entries ({@link org.enrollment.core.audit.tlog.TreeCheck}); the registry signs checkpoints of it (C2SP
 * {@code tlog-checkpoint} in a C2SP {@code signed-note}, Ed25519 from the JDK);
 * anyone holding a checkpoint checks an entry's inclusion ({@code tlog-proof@v1}) or that a later tree extends it
 * (a consistency proof); witnesses (见证者: district nodes, schools, outside observers) keep the last checkpoint they
 * accepted, cosign newer ones only with a consistency proof ({@code tlog-cosignature}, {@code cosignature/v1}) and
 * keep two checkpoints that cannot both be true as evidence.
 */
package org.enrollment.core.audit.tlog;
