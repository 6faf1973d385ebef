package org.enrollment.core.registration;

/** What a school found when it checked a family's documents (审核结果). */
public enum VerificationResult {
    /** The documents check out (审核通过): SUBMITTED to VERIFIED. */
    PASS,
    /** They do not (审核未通过): SUBMITTED to VERIFICATION_FAILED, with a reason. */
    FAIL
}
