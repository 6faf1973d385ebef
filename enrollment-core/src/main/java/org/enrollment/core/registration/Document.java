package org.enrollment.core.registration;

import java.util.Arrays;

/**
 * A document a school may see at verification. Which set a child must show is policy (a decision table in
 * the rules), not code.
 */
public enum Document {
    /** 户口簿: the household register. */
    HUKOU,
    /** 出生医学证明: the medical birth certificate. */
    BIRTH,
    /** Proof of the home: property certificate or lease (房产证明或租赁合同). */
    HOME,
    /** Beijing work permit of a guardian (在京务工就业证明). */
    WORK,
    /** Proof of residence in Beijing (实际住所居住证明). */
    RESIDENCE,
    /** Temporary residence permit (暂住证/居住证). */
    TEMP_RESIDENCE,
    /** Proof that no guardian can care for the child at the home place (户籍所在地无监护条件证明). */
    NO_GUARDIAN_HOME;

    /** Whether the text is the name of a document code. */
    public static boolean isCode(String text) {
        return text != null && Arrays.stream(values()).anyMatch(d -> d.name().equals(text));
    }
}
