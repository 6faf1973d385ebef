package org.enrollment.core.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enrollment.core.child.ResidentId;

/** Masks anything shaped like a resident ID in free text before it is logged, audited or shown. */
final class Redaction {

    private static final Pattern ID_SHAPED = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");

    private Redaction() {
    }

    static String maskIds(String text) {
        Matcher m = ID_SHAPED.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        do {
            m.appendReplacement(b, Matcher.quoteReplacement(ResidentId.mask(m.group())));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }
}
