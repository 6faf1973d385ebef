package org.enrollment.core.registry;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ResidentIdText;

/**
 * Step 1 of judging, the part Bean Validation does: the first malformed field in the order the command's
 * record declares its fields, as a reason naming the field and value.
 */
final class InputCheck {

    /** A command type's fields in declaration order. */
    private static final ClassValue<List<String>> FIELDS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
    };

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final Validator validator;

    InputCheck(Validator validator) {
        this.validator = validator;
    }

    /** The reason of each malformed field, by field name; for a field with several, the one on the first path. */
    Map<String, Reason> violations(Command command) {
        var found = validator.validate(command);
        if (found.isEmpty()) {
            return Map.of();
        }
        List<String> fields = fields(command);
        Map<String, Reason> byField = new HashMap<>();
        Map<String, String> pathOfReason = new HashMap<>();
        for (ConstraintViolation<Command> v : found) {
            String field = topField(v.getPropertyPath());
            String path = v.getPropertyPath().toString();
            Reason reason = reasonOf(v, path);
            Reason existing = byField.get(field);
            if (existing == null || listIndex(path) < listIndex(pathOfReason.get(field))) {
                byField.put(field, reason);
                pathOfReason.put(field, path);
            }
        }
        byField.keySet().retainAll(fields);
        return byField;
    }

    /** The fields of the command in declaration order. */
    List<String> fields(Command command) {
        return FIELDS.get(command.getClass());
    }

    /** The index of the list element a path points into, e.g. 2 for {@code children[2].name}; 0 for none. */
    private static int listIndex(String path) {
        Matcher m = INDEX.matcher(path);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String topField(Path path) {
        var it = path.iterator();
        return it.hasNext() ? it.next().getName() : "";
    }

    private static Reason reasonOf(ConstraintViolation<Command> v, String path) {
        if (v.getConstraintDescriptor().getAnnotation() instanceof ResidentIdText) {
            return Reasons.invalidResidentId(path, (String) v.getInvalidValue());
        }
        Object value = v.getInvalidValue() instanceof List<?> list ? list.size() + " entries" : v.getInvalidValue();
        return Reasons.invalidInput(path, value, v.getMessage());
    }
}
