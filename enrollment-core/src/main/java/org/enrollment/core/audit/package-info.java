/**
 * The audit log (不可更改的后台记录): append-only entries chained by SHA-256, checked against a head the
 * host remembered, exported as JSON Lines; children named by a keyed hash, never by their ID.
 */
package org.enrollment.core.audit;
