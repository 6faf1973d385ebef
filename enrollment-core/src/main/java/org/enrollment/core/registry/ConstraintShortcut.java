package org.enrollment.core.registry;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.enrollment.core.command.Command;

/**
 * A shortcut past Bean Validation for the commands that break none of their constraints, nearly all of them:
 * the constraints the validator itself describes for a command type ({@link Validator#getConstraintsForClass},
 * so a host's own mappings count too), checked by hand. It says only "none broken" or "not sure"; when not sure,
 * the validator decides and words the reasons, so a refusal is the same as without the shortcut. A type with a
 * constraint this does not know (anything but {@code @NotNull}, {@code @Size}, {@code @Pattern} and constraints
 * with one validator class of their own), a class-level constraint, a cascade or a group other than the default
 * is always left to the validator. The validator took a tenth of the time of judging a command (BENCHMARKS.md,
 * session 9).
 */
final class ConstraintShortcut {

    /** A pattern that is a choice of words, e.g. {@code pass|fail}: checked as a set of them, not a regex. */
    private static final java.util.regex.Pattern LITERALS = java.util.regex.Pattern.compile("[A-Za-z0-9_]+(\\|[A-Za-z0-9_]+)*");

    /** An array, not a list: iterated for every command, and a list's iterator showed in its allocation profile. */
    private final Check[] checks;

    private ConstraintShortcut(List<Check> checks) {
        this.checks = checks.toArray(new Check[0]);
    }

    /** The shortcut for a command type, or empty when one of its constraints must be left to the validator. */
    static Optional<ConstraintShortcut> of(Validator validator, Class<? extends Command> type) {
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        if (!bean.getConstraintDescriptors().isEmpty()) {
            return Optional.empty();
        }
        List<Check> checks = new ArrayList<>();
        for (PropertyDescriptor p : bean.getConstrainedProperties()) {
            Optional<Check> check = property(type, p);
            if (check.isEmpty()) {
                return Optional.empty();
            }
            checks.add(check.get());
        }
        return Optional.of(new ConstraintShortcut(checks));
    }

    /** Whether the command certainly breaks none of its constraints; {@code false} means only "not sure". */
    boolean noneBroken(Command command) {
        for (Check c : checks) {
            if (!c.holds(command)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Check> property(Class<?> type, PropertyDescriptor p) {
        if (p.isCascaded()) {
            return Optional.empty();
        }
        Method accessor;
        try {
            accessor = type.getMethod(p.getPropertyName());
            accessor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            return Optional.empty();
        }
        Optional<Predicate<Object>> holds = all(p.getConstraintDescriptors());
        for (ContainerElementTypeDescriptor c : p.getConstrainedContainerElementTypes()) {
            if (!Collection.class.isAssignableFrom(c.getContainerClass()) || c.isCascaded()
                    || !c.getConstrainedContainerElementTypes().isEmpty()) {
                return Optional.empty();
            }
            Optional<Predicate<Object>> each = all(c.getConstraintDescriptors());
            holds = holds.flatMap(h -> each.map(e -> h.and(v -> v == null || ((Collection<?>) v).stream().allMatch(e))));
        }
        return holds.map(h -> new Check(accessor, h));
    }

    private static Optional<Predicate<Object>> all(Set<ConstraintDescriptor<?>> constraints) {
        Predicate<Object> all = v -> true;
        for (ConstraintDescriptor<?> d : constraints) {
            Optional<Predicate<Object>> one = one(d);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            all = all.and(one.get());
        }
        return Optional.of(all);
    }

    /** A constraint checked by hand, or empty when it must be left to the validator. */
    private static Optional<Predicate<Object>> one(ConstraintDescriptor<?> d) {
        if (!d.getComposingConstraints().isEmpty() || !d.getGroups().equals(Set.of(Default.class))) {
            return Optional.empty();
        }
        Object a = d.getAnnotation();
        if (a instanceof NotNull) {
            return Optional.of(v -> v != null);
        }
        if (a instanceof Size s) {
            return Optional.of(v -> v == null || within(sizeOf(v), s.min(), s.max()));
        }
        if (a instanceof Pattern p && p.flags().length == 0 && LITERALS.matcher(p.regexp()).matches()) {
            Set<String> words = Set.copyOf(List.of(p.regexp().split("\\|")));
            return Optional.of(v -> v == null || v instanceof String s && words.contains(s));
        }
        if (a instanceof Pattern p) {
            int flags = 0;
            for (Pattern.Flag f : p.flags()) {
                flags |= f.getValue();
            }
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(p.regexp(), flags);
            return Optional.of(v -> v == null || v instanceof CharSequence s && regex.matcher(s).matches());
        }
        return d.getConstraintValidatorClasses().size() == 1 ? ownValidator(d) : Optional.empty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Predicate<Object>> ownValidator(ConstraintDescriptor<?> d) {
        ConstraintValidator validator;
        try {
            validator = d.getConstraintValidatorClasses().get(0).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
        validator.initialize(d.getAnnotation());
        return Optional.of(v -> {
            try {
                return validator.isValid(v, null);
            } catch (RuntimeException e) {
                return false; // one that needs its context: the validator decides
            }
        });
    }

    private static int sizeOf(Object v) {
        if (v instanceof CharSequence s) {
            return s.length();
        }
        return v instanceof Collection<?> c ? c.size() : -1;
    }

    private static boolean within(int size, int min, int max) {
        return size >= min && size <= max;
    }

    /** One property's constraints, read through its accessor. */
    private record Check(Method accessor, Predicate<Object> holds) {

        boolean holds(Command command) {
            try {
                return holds.test(accessor.invoke(command));
            } catch (IllegalAccessException | InvocationTargetException e) {
                return false;
            }
        }
    }
}
