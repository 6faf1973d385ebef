package org.enrollment.core.registry;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.enrollment.core.child.Problem;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.PersonName;
import org.enrollment.core.command.PlainText;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ResidentIdText;

/**
 * Step 1 of judging, the part Bean Validation does: the first malformed field in the order the command's
 * record declares its fields, as a reason naming the field and value. Commands that break no constraint, nearly
 * all, are told apart by hand first ({@link ConstraintShortcut}); the validator sees only the others.
 */
final class InputCheck {

    /** Compares places element by element; a place that is a prefix of another comes first. */
    private static final Comparator<List<Integer>> PLACE_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** The Chinese of each message template the commands' constraints use. */
    private static final Map<String, String> CHINESE = Map.of(
            "{jakarta.validation.constraints.NotNull.message}", "不能缺失",
            "{jakarta.validation.constraints.Size.message}", "长度或项数须在 {min} 到 {max} 之间",
            PlainText.MESSAGE, "须为 1 到 {max} 个字符，不含控制字符",
            "must be a district code or NB:<6-digit province code>", "须为区县代码或 NB:<6 位省级代码>",
            "must be ONLINE or BOARDING", "须为 ONLINE 或 BOARDING",
            "must be pass or fail", "须为 pass 或 fail",
            "must be admit or reject", "须为 admit 或 reject",
            "must be a document code", "须为材料代码（HUKOU、BIRTH、HOME、WORK、RESIDENCE、TEMP_RESIDENCE、NO_GUARDIAN_HOME）");

    /** A record type's components by name, with their place in declaration order. */
    private static final ClassValue<Map<String, Integer>> ORDER = new ClassValue<>() {
        @Override
        protected Map<String, Integer> computeValue(Class<?> type) {
            Map<String, Integer> order = new HashMap<>();
            RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
            for (int i = 0; i < components.length; i++) {
                order.put(components[i].getName(), i);
            }
            return Map.copyOf(order);
        }
    };

    /** A command type's fields in declaration order. */
    private static final ClassValue<List<String>> FIELDS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
    };

    private final Validator validator;

    /** Each command type's shortcut past the validator, where it has one. */
    private final Map<Class<?>, Optional<ConstraintShortcut>> shortcuts = new ConcurrentHashMap<>();

    InputCheck(Validator validator) {
        this.validator = validator;
    }

    /**
     * The first malformed field's reason, by field, with the field's index in declaration order. A command that
     * certainly breaks none of its constraints ({@link ConstraintShortcut}) does not go to the validator.
     */
    Map<String, Reason> violations(Command command) {
        Optional<ConstraintShortcut> shortcut = shortcuts.computeIfAbsent(command.getClass(), t -> ConstraintShortcut.of(validator, command.getClass()));
        if (shortcut.isPresent() && shortcut.get().noneBroken(command)) {
            return Map.of();
        }
        var found = validator.validate(command);
        if (found.isEmpty()) {
            return Map.of();
        }
        List<String> fields = fields(command);
        Map<String, Reason> byField = new HashMap<>();
        Map<String, List<Integer>> placeOfReason = new HashMap<>();
        for (ConstraintViolation<Command> v : found) {
            String field = topField(v.getPropertyPath());
            String path = v.getPropertyPath().toString();
            Reason reason = reasonOf(v, path);
            List<Integer> place = placeInField(v);
            Reason existing = byField.get(field);
            if (existing == null || PLACE_ORDER.compare(place, placeOfReason.get(field)) < 0) {
                byField.put(field, reason);
                placeOfReason.put(field, place);
            }
        }
        byField.keySet().retainAll(fields);
        return byField;
    }

    /**
     * Where in its field a violation is: for each path node below the field, the list position (-1 for none)
     * and the property's place in its record's declaration order, so that {@code children[2].name} comes
     * before {@code children[10].name}, and {@code name} before {@code household}.
     */
    private List<Integer> placeInField(ConstraintViolation<Command> v) {
        Object leaf = v.getLeafBean();
        Map<String, Integer> leafOrder = leaf == null ? Map.of() : ORDER.get(leaf.getClass());
        List<Integer> place = new ArrayList<>();
        boolean top = true;
        for (Path.Node n : v.getPropertyPath()) {
            if (!top) {
                place.add(n.getIndex() == null ? -1 : n.getIndex());
                place.add(leafOrder.getOrDefault(n.getName(), -1));
            }
            top = false;
        }
        return place;
    }

    /** The fields of the command in declaration order. */
    List<String> fields(Command command) {
        return FIELDS.get(command.getClass());
    }

    private static String topField(Path path) {
        var it = path.iterator();
        return it.hasNext() ? it.next().getName() : "";
    }

    private static Reason reasonOf(ConstraintViolation<Command> v, String path) {
        if (v.getConstraintDescriptor().getAnnotation() instanceof ResidentIdText) {
            return Reasons.invalidResidentId(path, (String) v.getInvalidValue());
        }
        return Reasons.invalidInput(path, v.getInvalidValue(), new Problem(chinese(v), v.getMessage()));
    }

    /**
     * The violation's message in Chinese: its template's Chinese text, with the constraint's attributes (such
     * as {@code {max}}) put in; the English is the provider's message.
     */
    private static String chinese(ConstraintViolation<Command> v) {
        if (v.getConstraintDescriptor().getAnnotation() instanceof PersonName) {
            return PersonName.Validator.problemWith((String) v.getInvalidValue()).zh();
        }
        String template = CHINESE.get(v.getMessageTemplate());
        if (template == null) {
            return "不符合约束 " + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        }
        for (Map.Entry<String, Object> a : v.getConstraintDescriptor().getAttributes().entrySet()) {
            template = template.replace("{" + a.getKey() + "}", String.valueOf(a.getValue()));
        }
        return template;
    }
}
