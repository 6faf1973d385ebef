/**
 * Commands a host gives the registry, the actors who give them, and the decisions that come back.
 *
 * <p>Commands are immutable records of the raw text a form or file carried, validated with Jakarta Bean
 * Validation: a malformed command is refused with {@code INVALID_INPUT} naming the field, never by an
 * exception. A refusal is data, with stable {@link org.enrollment.core.command.ReasonCode reason codes}.
 */
package org.enrollment.core.command;
