package org.enrollment.rules.facts;

/** The two kinds of household registration (户籍) the policies tell apart. */
public enum HouseholdKind {
    /** Registered in a Beijing district (京籍). */
    BEIJING,
    /** Registered elsewhere (非京籍). */
    NON_BEIJING
}
