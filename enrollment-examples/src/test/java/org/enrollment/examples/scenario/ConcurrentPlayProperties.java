package org.enrollment.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.core.store.RegistrationStore;

/**
 * Several commands in flight play a file as one at a time does: for random seasons of every kind of command, by
 * right and wrong actors, over a few children and schools with small plans (so that places, lists, numbers,
 * co-build quotas and withdrawals race), 8 at once prints exactly the lines 1 at a time prints (outcome, reasons,
 * rules, states, numbers), on a store that pauses at random in every read and write to widen the races.
 */
class ConcurrentPlayProperties {

    static final String SEASON = "{\"season\": {\"year\": 2014, \"opens\": \"2014-05-05T00:00:00+08:00\", "
            + "\"closes\": \"2014-06-01T00:00:00+08:00\", \"boardingGraceDays\": 3, \"schools\": ["
            + "{\"code\": \"HD001\", \"name\": \"海淀实验小学\", \"district\": \"110108\", \"plan\": 2}, "
            + "{\"code\": \"HD002\", \"name\": \"中关村第一小学\", \"district\": \"110108\", \"plan\": 1}, "
            + "{\"code\": \"XC001\", \"name\": \"西城第一小学\", \"district\": \"110102\", \"plan\": 2}, "
            + "{\"code\": \"XC900\", \"name\": \"北京小学\", \"district\": \"110102\", \"plan\": 1, \"boarding\": true}], "
            + "\"cobuild\": [{\"unit\": \"U-A\", \"school\": \"HD001\", \"quota\": 1}, {\"unit\": \"U-B\", \"school\": \"XC001\", \"quota\": 2}]}}";

    private static final List<String> CHILDREN = List.of(id("11010820080101001"), id("11010820080202002"),
            id("11010220080303003"), id("11010220080404004"), id("11010820080505005"), id("11010220080606006"),
            id("11010820080707007"));
    private static final List<String> SCHOOLS = List.of("HD001", "HD002", "XC001", "XC900");
    private static final String DOCUMENTS = "[\"HUKOU\", \"BIRTH\", \"HOME\", \"WORK\", \"RESIDENCE\", \"TEMP_RESIDENCE\", \"NO_GUARDIAN_HOME\"]";

    @Property(tries = 60)
    void eightAtOncePrintWhatOneAtATimePrints(@ForAll("seasons") List<Tuple2<Integer, String>> commands) throws IOException {
        Path file = Files.createTempFile("concurrent", ".jsonl");
        try {
            List<String> lines = new ArrayList<>();
            lines.add(SEASON);
            OffsetDateTime at = OffsetDateTime.parse("2014-05-05T08:00:00+08:00");
            for (Tuple2<Integer, String> c : commands) {
                at = at.plusMinutes(c.get1());
                lines.add("{\"at\": \"" + at + "\", " + c.get2() + "}");
            }
            Files.write(file, lines, StandardCharsets.UTF_8);

            String one = run(file, 1, InMemoryRegistrationStore::new);
            String eight = run(file, 8, () -> pausing(new InMemoryRegistrationStore()));

            assertThat(eight).isEqualTo(one);
        } finally {
            Files.delete(file);
        }
    }

    /** Runs the file with so many commands at once; what it printed. */
    static String run(Path file, int connections, Supplier<RegistrationStore> stores) {
        StringWriter out = new StringWriter();
        int code = new ScenarioRunner(new ReferencePolicies(), stores, new PrintWriter(out), new PrintWriter(new StringWriter()))
                .withConnections(connections).run(List.of(file), null, o -> { });
        assertThat(code).as(out.toString()).isEqualTo(ScenarioRunner.ALL_MET);
        return out.toString();
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, String>>> seasons() {
        Arbitrary<String> child = Arbitraries.of(CHILDREN);
        Arbitrary<String> school = Arbitraries.of(SCHOOLS);
        Arbitrary<String> district = Arbitraries.of("110108", "110102");
        Arbitrary<String> schoolActor = Arbitraries.of(SCHOOLS).map(s -> "SCHOOL:" + s);
        Arbitrary<String> register = Combinators.combine(child, Arbitraries.of("110108", "110102", "NB:130000"), district, school,
                Arbitraries.of("ONLINE", "BOARDING")).as((c, h, d, s, r) -> "\"as\": \"GUARDIAN\", \"do\": \"register\", \"child\": \""
                + c + "\", \"name\": \"王小明\", \"household\": \"" + h + "\", \"district\": \"" + d + "\", \"school\": \"" + s
                + "\", \"route\": \"" + r + "\"");
        Arbitrary<String> amend = Combinators.combine(child, school).as((c, s) -> "\"as\": \"GUARDIAN\", \"do\": \"amend\", \"child\": \""
                + c + "\", \"school\": \"" + s + "\"");
        Arbitrary<String> withdraw = child.map(c -> "\"as\": \"GUARDIAN\", \"do\": \"withdraw\", \"child\": \"" + c + "\"");
        Arbitrary<String> verify = Combinators.combine(schoolActor, child).as((a, c) -> "\"as\": \"" + a
                + "\", \"do\": \"verify\", \"child\": \"" + c + "\", \"result\": \"pass\", \"documents\": " + DOCUMENTS);
        Arbitrary<String> step = Combinators.combine(schoolActor, Arbitraries.of("tick", "untick", "admit", "boarding-decide"), child,
                Arbitraries.of("admit", "reject")).as((a, k, c, r) -> "\"as\": \"" + a + "\", \"do\": \"" + k + "\", \"child\": \"" + c
                + "\"" + (k.equals("boarding-decide") ? ", \"result\": \"" + r + "\"" : ""));
        Arbitrary<String> wholeList = Combinators.combine(schoolActor, Arbitraries.of("submit-list", "admit"))
                .as((a, k) -> "\"as\": \"" + a + "\", \"do\": \"" + k + "\"");
        Arbitrary<String> byDistrict = Combinators.combine(district, Arbitraries.of("approve", "return", "release"), child)
                .as((d, k, c) -> "\"as\": \"DISTRICT:" + d + "\", \"do\": \"" + k + "\", \"child\": \"" + c + "\""
                        + (k.equals("approve") ? "" : ", \"reason\": \"材料不全\""));
        Arbitrary<String> approveList = Combinators.combine(district, school)
                .as((d, s) -> "\"as\": \"DISTRICT:" + d + "\", \"do\": \"approve\", \"school\": \"" + s + "\"");
        Arbitrary<String> file = child.map(c -> "\"as\": \"CITY\", \"do\": \"file\", \"child\": \"" + c + "\"");
        Arbitrary<String> list = Combinators.combine(Arbitraries.of("U-A", "U-B"), Arbitraries.of("HD001", "XC001"),
                Arbitraries.of(CHILDREN).list().ofMinSize(1).ofMaxSize(3).uniqueElements()).as((u, s, cs) -> "\"as\": \"COBUILD:" + u
                + "\", \"do\": \"cobuild-list\", \"school\": \"" + s + "\", \"children\": [" + String.join(", ", cs.stream()
                .map(c -> "{\"child\": \"" + c + "\", \"name\": \"李小红\", \"household\": \"110108\"}").toList()) + "]");
        Arbitrary<String> select = Combinators.combine(Arbitraries.of("HD001", "XC001"), Arbitraries.of(CHILDREN).list().ofMinSize(1)
                .ofMaxSize(2).uniqueElements()).as((s, cs) -> "\"as\": \"SCHOOL:" + s + "\", \"do\": \"cobuild-select\", \"children\": [\""
                + String.join("\", \"", cs) + "\"]");
        Arbitrary<String> noise = Arbitraries.frequencyOf(
                        Tuple.of(6, register), Tuple.of(1, amend), Tuple.of(1, withdraw),
                        Tuple.of(4, verify), Tuple.of(6, step), Tuple.of(2, wholeList),
                        Tuple.of(3, byDistrict), Tuple.of(1, approveList), Tuple.of(2, file),
                        Tuple.of(1, list), Tuple.of(1, select));
        Arbitrary<List<List<String>>> paths = Combinators.combine(CHILDREN.stream().map(ConcurrentPlayProperties::path).toList())
                .as(all -> all);
        return Combinators.combine(paths, noise.list().ofMaxSize(20)).as((ps, ns) -> {
            List<List<String>> all = new ArrayList<>(ps);
            ns.forEach(n -> all.add(List.of(n)));
            return all;
        }).flatMap(ConcurrentPlayProperties::interleaved);
    }

    /**
     * A child's way through the season at one school, as far as it goes: registered, verified, ticked (perhaps
     * unticked and ticked again), on the submitted list, approved with the list or alone, admitted alone or with
     * all, filed; at the boarding school admitted by its decision instead of verify and tick.
     */
    static Arbitrary<List<String>> path(String child) {
        return Combinators.combine(Arbitraries.of(SCHOOLS), Arbitraries.integers().between(1, 10), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as((school, length, again, alone, admitAlone) -> {
                    String district = school.startsWith("HD") ? "110108" : "110102";
                    String by = "\"as\": \"SCHOOL:" + school + "\", ";
                    String about = ", \"child\": \"" + child + "\"";
                    List<String> steps = new ArrayList<>();
                    steps.add("\"as\": \"GUARDIAN\", \"do\": \"register\"" + about + ", \"name\": \"王小明\", \"household\": \""
                            + district + "\", \"district\": \"" + district + "\", \"school\": \"" + school + "\""
                            + (school.equals("XC900") ? ", \"route\": \"BOARDING\"" : ""));
                    if (school.equals("XC900")) {
                        steps.add(by + "\"do\": \"boarding-decide\"" + about + ", \"result\": \"admit\"");
                    } else {
                        steps.add(by + "\"do\": \"verify\"" + about + ", \"result\": \"pass\", \"documents\": " + DOCUMENTS);
                        steps.add(by + "\"do\": \"tick\"" + about);
                    }
                    if (again) {
                        steps.add(by + "\"do\": \"untick\"" + about);
                        steps.add(by + "\"do\": \"tick\"" + about);
                    }
                    steps.add(by + "\"do\": \"submit-list\"");
                    steps.add("\"as\": \"DISTRICT:" + district + "\", \"do\": \"approve\""
                            + (alone ? about : ", \"school\": \"" + school + "\""));
                    steps.add(by + "\"do\": \"admit\"" + (admitAlone ? about : ""));
                    steps.add("\"as\": \"CITY\", \"do\": \"file\"" + about);
                    return steps.subList(0, Math.min(length, steps.size()));
                });
    }

    /** The paths' commands interleaved at random, each path's in its order, each after a pause of 0 to 800 minutes. */
    static Arbitrary<List<Tuple2<Integer, String>>> interleaved(List<List<String>> paths) {
        int total = paths.stream().mapToInt(List::size).sum();
        return Combinators.combine(Arbitraries.doubles().between(0, 1).list().ofSize(total),
                Arbitraries.integers().between(0, 800).list().ofSize(total)).as((places, gaps) -> {
                    List<Map.Entry<Double, String>> placed = new ArrayList<>();
                    int next = 0;
                    for (List<String> p : paths) {
                        List<Double> mine = new ArrayList<>(places.subList(next, next + p.size()));
                        next += p.size();
                        Collections.sort(mine);
                        for (int i = 0; i < p.size(); i++) {
                            placed.add(Map.entry(mine.get(i), p.get(i)));
                        }
                    }
                    placed.sort(Map.Entry.comparingByKey());
                    List<Tuple2<Integer, String>> out = new ArrayList<>();
                    for (int i = 0; i < placed.size(); i++) {
                        out.add(Tuple.of(gaps.get(i), placed.get(i).getValue()));
                    }
                    return out;
                });
    }

    /** The 18-character resident ID of these 17 digits, with its check character (ISO 7064 MOD 11-2). */
    static String id(String seventeen) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        int check = (12 - sum % 11) % 11;
        String id = seventeen + (check == 10 ? "X" : Integer.toString(check));
        if (!ResidentId.isValid(id)) {
            throw new IllegalStateException(seventeen + " makes no valid resident ID.");
        }
        return id;
    }

    /** A store that pauses up to 200 µs, at random, before every call to the store it wraps. */
    static RegistrationStore pausing(RegistrationStore store) {
        InvocationHandler pauseThenCall = (proxy, method, args) -> {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (RegistrationStore) Proxy.newProxyInstance(RegistrationStore.class.getClassLoader(),
                new Class<?>[] {RegistrationStore.class}, pauseThenCall);
    }
}
