package org.enrollment.rules.facts;

/** Which registration a {@link RegistrationFact} is, seen from the command being judged. */
public enum Role {
    /** The registration the command acts on, as it is before the command. */
    TARGET,
    /** The registration as a {@code register} or {@code amend} would make it. */
    PROPOSED,
    /** One of the child's registrations made before this command (the child's history). */
    EARLIER
}
