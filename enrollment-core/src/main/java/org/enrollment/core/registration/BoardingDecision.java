package org.enrollment.core.registration;

import java.util.Arrays;
import java.util.Optional;

/** What a boarding school decided on a BOARDING application (寄宿学校录取决定). */
public enum BoardingDecision {
    /** The boarding school admits the child (寄宿录取): the registration is PRE_ADMITTED there. */
    ADMIT("admit", Step.BOARDING_ADMIT),
    /** It rejects the child (寄宿未录取): the child may withdraw and re-register in the household district. */
    REJECT("reject", Step.BOARDING_REJECT);

    private final String text;
    private final Step step;

    BoardingDecision(String text, Step step) {
        this.text = text;
        this.step = step;
    }

    /** The word scenario files and forms use: {@code admit} or {@code reject}. */
    public String text() {
        return text;
    }

    /** The lifecycle step this decision takes. */
    public Step step() {
        return step;
    }

    /** The decision with this word, if any. */
    public static Optional<BoardingDecision> fromText(String text) {
        return Arrays.stream(values()).filter(d -> d.text.equals(text)).findFirst();
    }
}
