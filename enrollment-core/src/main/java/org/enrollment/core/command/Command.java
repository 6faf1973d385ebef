package org.enrollment.core.command;

/**
 * A command to the registry: the raw fields a form or a scenario line carried, validated with Jakarta
 * Bean Validation before anything else happens. Fields are text so that any input, however wrong, can be
 * judged and refused with a reason that names the field.
 *
 * <p>Every command has its {@link CommandKind}; code that must handle each kind switches over the kind in
 * a switch expression without {@code default}, so that a new kind is a compile error wherever it is not yet
 * handled. A command that names one child is a {@link ChildCommand}.
 */
public sealed interface Command permits ChildCommand, SubmitList, CoBuildListing, CoBuildSelect {

    /** What kind of command this is. */
    CommandKind kind();
}
