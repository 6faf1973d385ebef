package org.enrollment.core.child;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * The {@code toString} of a record in the record's usual form ({@code Register[child=…, name=…]}) with every
 * resident ID in it masked ({@link ResidentId#maskAll}): for the records that carry IDs or free text, whose
 * text ends up in logs and messages.
 */
public final class MaskedText {

    private MaskedText() {
    }

    /** The record's components in the usual form, resident IDs masked. */
    public static String of(Record r) {
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
