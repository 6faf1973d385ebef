package org.enrollment.core.child;

/** A child's sex as the resident ID records it (odd sequence: male). */
public enum Sex {
    /** 男. */
    MALE,
    /** 女. */
    FEMALE
}
