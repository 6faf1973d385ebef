package org.enrollment.core.store;

import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;

/**
 * One child's registrations in the in-memory store, oldest first, each as last written: the list is replaced whole,
 * under the child's stripe lock, and read without one. The store finds it by child and by number, so that a step
 * writes no map and reading a child's registrations is one look-up (in a season's profile, a map look-up per
 * registration showed as a twentieth of judging).
 */
final class ChildRegistrations {

    private volatile List<Registration> registrations = List.of();

    /** The registrations, oldest first; an immutable list. */
    List<Registration> all() {
        return registrations;
    }

    /** The registration with this number, or {@code null}. */
    Registration find(RegistrationNumber number) {
        for (Registration r : registrations) {
            if (r.number().equals(number)) {
                return r;
            }
        }
        return null;
    }

    /** Puts the registration in place of the one with its number, or after the others when it is new. */
    void write(Registration r) {
        List<Registration> all = new ArrayList<>(registrations);
        int i = 0;
        while (i < all.size() && !all.get(i).number().equals(r.number())) {
            i++;
        }
        if (i < all.size()) {
            all.set(i, r);
        } else {
            all.add(r);
        }
        registrations = List.copyOf(all);
    }
}
