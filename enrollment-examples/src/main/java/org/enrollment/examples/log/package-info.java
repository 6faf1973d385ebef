/**
 * The {@code log} verbs of the command line (透明日志命令): keys, signed checkpoints of an exported audit log,
 * inclusion and consistency proofs, checking an export against a checkpoint, and a witness that cosigns; for the
 * city, the districts, the schools and the public. Each exits 0 when what it checks holds, 1 naming what does not,
 * 2 on bad arguments.
 */
package org.enrollment.examples.log;
