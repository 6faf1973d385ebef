package org.enrollment.core.command;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import org.enrollment.core.child.ResidentId;

/**
 * The {@code toString} of a command record, in the record's usual form ({@code Register[child=…, name=…]})
 * with every resident ID in it masked: commands carry IDs as text, and their text ends up in logs.
 */
final class MaskedText {

    private MaskedText() {
    }

    /** The record's components in the usual form, resident IDs masked. */
    static String of(Record r) {
        StringBuilder b = new StringBuilder(r.getClass().getSimpleName()).append('[');
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(components[i].getName()).append('=');
            try {
                b.append(components[i].getAccessor().invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                b.append('?');
            }
        }
        return ResidentId.maskAll(b.append(']').toString());
    }
}
