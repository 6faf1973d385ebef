package org.enrollment.core.registration;

import java.util.Arrays;
import java.util.Optional;

/** What a school found when it checked a family's documents (审核结果). */
public enum VerificationResult {
    /** The documents check out (审核通过): SUBMITTED to VERIFIED. */
    PASS("pass", Step.VERIFY_PASS),
    /** They do not (审核未通过): SUBMITTED to VERIFICATION_FAILED, with a reason. */
    FAIL("fail", Step.VERIFY_FAIL);

    private final String text;
    private final Step step;

    VerificationResult(String text, Step step) {
        this.text = text;
        this.step = step;
    }

    /** The word scenario files and forms use: {@code pass} or {@code fail}. */
    public String text() {
        return text;
    }

    /** The lifecycle step this result takes. */
    public Step step() {
        return step;
    }

    /** The result with this word, if any. */
    public static Optional<VerificationResult> fromText(String text) {
        return Arrays.stream(values()).filter(r -> r.text.equals(text)).findFirst();
    }
}
