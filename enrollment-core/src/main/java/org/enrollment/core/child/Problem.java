package org.enrollment.core.child;

import java.util.Objects;

/**
 * What is wrong with a text a host or a form gave (输入问题), said in Chinese and in English: the Chinese goes
 * into a reason's Chinese message, the English into its English one.
 *
 * @param zh the problem in Chinese (codes and numbers aside)
 * @param en the problem in English
 */
public record Problem(String zh, String en) {

    /** Both texts are required. */
    public Problem {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** Both texts, any resident ID in them masked. */
    @Override
    public String toString() {
        return ResidentId.maskAll("Problem[zh=" + zh + ", en=" + en + "]");
    }
}
