package org.enrollment.core.registry;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ResidentIdText;

/**
 * Step 1 of judging, the part Bean Validation does: the first malformed field in the order the command's
 * record declares its fields, as a reason naming the field and value.
 */
final class InputCheck {

    private final Validator validator;
    private final Map<Class<?>, Map<String, Integer>> fieldOrder = new ConcurrentHashMap<>();

    InputCheck(Validator validator) {
        this.validator = validator;
    }

    /** The first malformed field's reason, by field, with the field's index in declaration order. */
    Map<String, Reason> violations(Command command) {
        var found = validator.validate(command);
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> order = orderOf(command.getClass());
        Map<String, Reason> byField = new HashMap<>();
        Map<String, String> pathOfReason = new HashMap<>();
        for (ConstraintViolation<Command> v : found) {
            String field = topField(v.getPropertyPath());
            String path = v.getPropertyPath().toString();
            Reason reason = reasonOf(v, path);
            Reason existing = byField.get(field);
            if (existing == null || path.compareTo(pathOfReason.get(field)) < 0) {
                byField.put(field, reason);
                pathOfReason.put(field, path);
            }
        }
        byField.keySet().removeIf(f -> !order.containsKey(f));
        return byField;
    }

    /** The fields of the command in declaration order. */
    List<String> fields(Command command) {
        Map<String, Integer> order = orderOf(command.getClass());
        return order.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    private Map<String, Integer> orderOf(Class<?> type) {
        return fieldOrder.computeIfAbsent(type, t -> {
            Map<String, Integer> order = new HashMap<>();
            RecordComponent[] components = t.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                order.put(components[i].getName(), i);
            }
            return Map.copyOf(order);
        });
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
