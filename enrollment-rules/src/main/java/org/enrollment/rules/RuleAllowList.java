package org.enrollment.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a rule file may use (允许清单), read from {@code rule-allow-list.txt} beside this class: the fact types
 * (and which may be modified), the other types a rule may name, the static calls and value methods it may make,
 * the packages it may import whole. The fact types' properties are read from the types themselves.
 */
final class RuleAllowList {

    private static final String FILE = "org/enrollment/rules/rule-allow-list.txt";

    /** The shipped list. */
    static final RuleAllowList SHIPPED = parse(new String(RuleSource.resource(FILE), StandardCharsets.UTF_8));

    private final Map<String, String> typesBySimpleName = new HashMap<>();
    private final Set<String> facts = new HashSet<>();
    private final Set<String> modifiable = new HashSet<>();
    private final Set<String> statics = new HashSet<>();
    private final Set<String> methods = new HashSet<>();
    private final Set<String> packages = new HashSet<>();
    private final Set<String> properties = new HashSet<>();

    private RuleAllowList() {
    }

    static RuleAllowList parse(String text) {
        RuleAllowList list = new RuleAllowList();
        String section = "";
        for (String raw : text.split("\n")) {
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).toLowerCase(Locale.ROOT);
                continue;
            }
            String[] words = line.split("\\s+");
            switch (section) {
                case "facts" -> list.addFact(words[0], words.length > 1 && words[1].equals("modifiable"));
                case "types" -> list.typesBySimpleName.put(simpleName(words[0]), words[0]);
                case "static" -> list.statics.add(words[0]);
                case "methods" -> list.methods.add(words[0]);
                case "packages" -> list.packages.add(words[0]);
                default -> throw new IllegalStateException(FILE + ": \"" + line + "\" is outside a known section"
                        + " ([facts], [types], [static], [methods], [packages]).");
            }
        }
        return list;
    }

    private void addFact(String type, boolean canModify) {
        String simple = simpleName(type);
        typesBySimpleName.put(simple, type);
        facts.add(simple);
        if (canModify) {
            modifiable.add(simple);
        }
        try {
            for (Method m : Class.forName(type, false, RuleAllowList.class.getClassLoader()).getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                        && m.getDeclaringClass() != Object.class && m.getDeclaringClass() != Record.class) {
                    properties.add(m.getName());
                    properties.add(propertyName(m.getName()));
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(FILE + " names the fact type " + type + ", which is not on the class path.", e);
        }
        properties.removeAll(List.of("toString", "hashCode", "getClass"));
    }

    private static String propertyName(String getter) {
        for (String prefix : List.of("get", "is")) {
            if (getter.startsWith(prefix) && getter.length() > prefix.length()
                    && Character.isUpperCase(getter.charAt(prefix.length()))) {
                String rest = getter.substring(prefix.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return getter;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Whether a rule may import this type (a fully qualified name, or a package followed by {@code .*}). */
    boolean importable(String target) {
        if (target.endsWith(".*")) {
            return packages.contains(target.substring(0, target.length() - 2));
        }
        return target.equals(typesBySimpleName.get(simpleName(target)));
    }

    /** Whether the name (simple or qualified) is a type a rule may name. */
    boolean isType(String name) {
        String qualified = typesBySimpleName.get(simpleName(name));
        return qualified != null && (name.indexOf('.') < 0 || name.equals(qualified));
    }

    /** Whether the name (simple or qualified) is a fact type. */
    boolean isFact(String name) {
        return isType(name) && facts.contains(simpleName(name));
    }

    /** Whether rules may modify or update facts of this type. */
    boolean isModifiable(String name) {
        return isFact(name) && modifiable.contains(simpleName(name));
    }

    /** Whether {@code Type.method(...)} is allowed, the type by its simple name. */
    boolean isStaticCall(String type, String method) {
        return statics.contains(simpleName(type) + "." + method);
    }

    /** Whether a rule may call a method of this name on a value: a fact property or a listed method. */
    boolean isMethod(String name) {
        return methods.contains(name) || properties.contains(name);
    }

    /** Whether a name is a property of a fact type. */
    boolean isProperty(String name) {
        return properties.contains(name);
    }

    /** The listed static calls, for messages. */
    String staticCalls() {
        return String.join(", ", new java.util.TreeSet<>(statics));
    }
}
