package org.enrollment.rules.facts;

/** What a school said with a {@code verify} or a {@code boarding-decide}. */
public enum Result {
    /** The documents check out (审核通过). */
    PASS,
    /** The documents do not check out (审核未通过). */
    FAIL,
    /** The boarding school admits the child (寄宿录取). */
    ADMIT,
    /** The boarding school rejects the child. */
    REJECT
}
