package org.enrollment.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Command;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.season.District;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the core, built by reflection with a resident ID in every text and ID field it takes:
 * its {@code toString} shows no run shaped like a resident ID (issue 13: the command records printed them).
 */
class EveryToStringMasksTest {

    private static final String ID = "110108200801010072";
    /** Types whose toString is a wire format (a signed note's signature line: the key's name, which is the log's origin). */
    private static final Set<String> WIRE_FORMS = Set.of("org.enrollment.core.audit.tlog.NoteSignature");
    private static final Pattern ID_SHAPED = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");

    @Test
    void noPublicTypeOfTheCoreShowsAResidentIdInItsToString() throws Exception {
        Map<String, String> shown = new TreeMap<>();
        List<String> notBuilt = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            if (WIRE_FORMS.contains(type.getName())) {
                continue;
            }
            Optional<Object> built = build(type, 0);
            if (built.isEmpty()) {
                notBuilt.add(type.getName());
                continue;
            }
            shown.put(type.getName(), String.valueOf(built.get()));
        }
        assertThat(shown).allSatisfy((type, text) -> assertThat(ID_SHAPED.matcher(text).find())
                .as("%s shows %s", type, text).isFalse());
        List<String> commandsBuilt = shown.keySet().stream()
                .filter(n -> Command.class.isAssignableFrom(load(n)) && load(n).isRecord()).toList();
        assertThat(commandsBuilt).as("every command record is built (not built: %s)", notBuilt).hasSizeGreaterThanOrEqualTo(15);
        assertThat(shown).as("built; not built: %s", notBuilt).containsKeys("org.enrollment.core.registration.Registration",
                "org.enrollment.core.registration.NewRegistration", "org.enrollment.core.registration.ListedChild",
                "org.enrollment.core.registration.CoBuildList", "org.enrollment.core.command.ListedChildText");
        System.out.println("toString checked of " + shown.size() + " public types of the core; not built: " + notBuilt);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException {
        Path root = Path.of(ResidentId.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith(".class") && !p.contains("$") && !p.endsWith("package-info.class"))
                    .<Class<?>>map(p -> load(p.substring(0, p.length() - 6).replace('/', '.').replace('\\', '.')))
                    .filter(c -> Modifier.isPublic(c.getModifiers()) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())
                            && !c.isAnnotation())
                    .toList();
        }
    }

    /** An instance of the type with a resident ID wherever a text or ID goes, or empty when none could be made. */
    private static Optional<Object> build(Class<?> type, int depth) {
        Object simple = simple(type);
        if (simple != null || depth > 3) {
            return Optional.ofNullable(simple);
        }
        if (type.isEnum()) {
            return Optional.of(type.getEnumConstants()[0]);
        }
        Constructor<?>[] constructors = type.getConstructors();
        if (type.isRecord()) {
            RecordComponent[] rc = type.getRecordComponents();
            Class<?>[] raw = Stream.of(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Type[] generic = Stream.of(rc).map(RecordComponent::getGenericType).toArray(Type[]::new);
            try {
                return instance(type.getConstructor(raw), raw, generic, depth);
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
        for (Constructor<?> c : constructors) {
            Optional<Object> o = instance(c, c.getParameterTypes(), c.getGenericParameterTypes(), depth);
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> instance(Constructor<?> c, Class<?>[] raw, Type[] generic, int depth) {
        Object[] args = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            args[i] = value(raw[i], generic[i], depth);
        }
        try {
            return Optional.of(c.newInstance(args));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Object value(Class<?> raw, Type generic, int depth) {
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            Object element = generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e
                    ? build(e, depth + 1).orElse(null) : ID;
            return element == null ? List.of() : raw == Set.class ? Set.of(element) : List.of(element);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of(ID, 1);
        }
        return build(raw, depth + 1).orElse(null);
    }

    private static Object simple(Class<?> type) {
        if (type == String.class || type == Object.class || type == CharSequence.class) {
            return ID;
        }
        if (type == int.class || type == Integer.class) {
            return 3;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == byte[].class) {
            return ID.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        if (type == Instant.class) {
            return Instant.parse("2014-05-06T01:00:00Z");
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2014, 5, 6);
        }
        if (type == Duration.class) {
            return Duration.ofDays(1);
        }
        if (type == ResidentId.class) {
            return ResidentId.of(ID);
        }
        if (type == Household.class) {
            return Household.of("110108");
        }
        if (type == RegistrationNumber.class) {
            return RegistrationNumber.of("110108", 2014, 1);
        }
        if (type == Registration.class) {
            return Registration.create(RegistrationNumber.of("110108", 2014, 1), ResidentId.of(ID), ID, Household.of("110108"),
                    "110108", ID, Route.ONLINE, null, RegistrationState.SUBMITTED, Instant.parse("2014-05-06T01:00:00Z"));
        }
        if (type == Actor.class) {
            return Actor.parse("COBUILD:" + ID);
        }
        if (type == District.class) {
            return new District("110108", ID);
        }
        if (type == DistrictCatalog.class) {
            return DistrictCatalog.beijing();
        }
        if (type == Season.class) {
            return new Season(2014, Instant.parse("2014-05-05T00:00:00Z"), Instant.parse("2014-06-01T00:00:00Z"), 0,
                    DistrictCatalog.beijing(), List.of(new School(ID, ID, "110108", 3, false)), List.of());
        }
        return null;
    }
}
