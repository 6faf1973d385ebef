package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.enrollment.core.child.Mod11Check;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.PersonName;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.fixture.StoreSnapshot;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.store.RegistrationStore;

/**
 * Hostile input through the commands API, generated: oversized text and text with control characters, line
 * separators or lone surrogates; unknown codes; resident IDs of the wrong length, with a bad check character,
 * an impossible birth date, full-width digits; injection-shaped and log-injection-shaped text; nulls; empty and
 * oversized lists; malformed and ID-carrying actors. Each is put into one field of an otherwise valid command
 * of every kind, given by the right actor, and must be refused with the code its kind of fault calls for,
 * naming that field, with messages that show no raw resident ID and no raw control character; nothing is
 * stored, not even in part, no exception escapes, and the audit log gains the refusal and stays intact.
 * Injection-shaped names that are valid names are stored verbatim and read back exactly.
 *
 * <p>Run on each store by a subclass: the in-memory store, and H2 through the JDBC store.
 */
abstract class HostileInputContract {

    private static final String HAIDIAN = ScenarioSeason.HAIDIAN;
    /** The child whose registration (SUBMITTED at HD001) the commands about a child name. */
    private static final String HOLDER = ChildIds.eligible(HAIDIAN, 1);
    /** A child without a registration, whom a register names. */
    private static final String NEWCOMER = ChildIds.eligible(HAIDIAN, 2);
    /** A valid resident ID nobody registered. */
    private static final String STRANGER = ChildIds.eligible(HAIDIAN, 3);
    private static final List<String> AREAS = List.of("110101", "110102", "110105", "110106", "110107", "110109", "110111");
    private static final Pattern RAW_ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9X](?![0-9])");
    private static final String INJECTION = "'; DROP TABLE registration; --";
    private static final List<Character> CONTROLS = List.of('\u0000', '\u0007', '\t', '\n', '\r', '\u001b', '\u007f',
            '\u0085', '\u2028', '\u2029');

    private final AtomicInteger fresh = new AtomicInteger();
    private Registry registry;

    /** A new, empty store for one property's registry. */
    protected abstract RegistrationStore newStore();

    /**
     * Every row of the store's own tables other than the audit log's, as text, for stores that have tables:
     * what a half-written command would show even where the store's reads would not. Empty by default.
     */
    protected String everyRow() {
        return "";
    }

    @BeforeProperty
    void registerTheHolder() {
        registry = Registry.builder(ScenarioSeason.plain(), new ReferencePolicies()).store(newStore())
                .clock(MutableClock.at("2014-05-10T09:00:00+08:00")).clockBound(ChronoUnit.FOREVER.getDuration()).childKey(new byte[16]).build();
        Decision d = registry.handle("GUARDIAN", new Register(HOLDER, "持有人", HAIDIAN, HAIDIAN, "HD001", null));
        assertThat(d.outcome()).as("%s", d.reasons()).isEqualTo(Outcome.ACCEPTED);
    }

    @AfterProperty
    void theAuditChainIsIntact() {
        assertThat(registry.audit().verify().intact()).isTrue();
    }

    @Property(tries = 1000)
    void aHostileFieldIsRefusedNamingTheFieldAndNothingIsStored(@ForAll("hostileCommands") Hostile hostile) {
        Decision d = refusedChangingNothing(hostile.actor(), hostile.command());

        assertThat(d.reasons()).as("%s", hostile).hasSize(1);
        Reason reason = d.reasons().get(0);
        assertThat(reason.code()).as("%s: %s", hostile, reason).isIn(hostile.codes());
        assertThat(reason.rule()).as("%s", hostile).startsWith("input: " + hostile.field());
    }

    @Property(tries = 300)
    void aHostileActorIsRefusedAndNothingIsStored(@ForAll("hostileActors") String actor, @ForAll("validCommands") Command command) {
        Decision d = refusedChangingNothing(actor, command);

        Reason reason = d.reasons().get(0);
        if (reason.code() == ReasonCode.INVALID_INPUT) {
            assertThat(reason.rule()).isEqualTo("input: as");
        } else if (command instanceof CoBuildListing && actor.startsWith("COBUILD:")) {
            assertThat(reason.code()).as("%s by %s: %s", command, actor, reason).isEqualTo(ReasonCode.COBUILD_NO_AGREEMENT);
        } else {
            assertThat(reason.code()).as("%s by %s: %s", command, actor, reason).isEqualTo(ReasonCode.NOT_AUTHORIZED);
        }
    }

    @Property(tries = 500)
    void aValidNameOfAnyShapeIsStoredVerbatim(@ForAll("validNames") String name, @ForAll("validNames") String amended) {
        int n = fresh.getAndIncrement();
        String child = ChildIds.eligible(AREAS.get(n % AREAS.size()), n / AREAS.size());

        Decision registered = registry.handle("GUARDIAN", new Register(child, name, HAIDIAN, HAIDIAN, "HD001", null));
        assertThat(registered.outcome()).as("%s", registered.reasons()).isEqualTo(Outcome.ACCEPTED);
        assertThat(registered.registrations().get(0).name()).isEqualTo(name);
        assertThat(storedNameOf(child)).isEqualTo(name);

        Decision amendment = registry.handle("GUARDIAN", new Amend(child, amended, null, null));
        assertThat(amendment.outcome()).as("%s", amendment.reasons()).isEqualTo(Outcome.ACCEPTED);
        assertThat(storedNameOf(child)).isEqualTo(amended);
    }

    private String storedNameOf(String child) {
        List<Registration> all = registry.registrationsOf(ResidentId.of(child));
        assertThat(all).hasSize(1);
        return all.get(0).name();
    }

    /**
     * Gives the command and checks it was refused without an exception, changed nothing (through the store's
     * reads and in its every row), added one audit entry, and shows no raw resident ID or control character.
     */
    private Decision refusedChangingNothing(String actor, Command command) {
        StoreSnapshot before = StoreSnapshot.of(registry);
        String rowsBefore = everyRow();
        long entries = registry.audit().head().count();

        Decision d = registry.handle(actor, command);

        assertThat(d.outcome()).as("%s by %s: %s", command, actor, d.reasons()).isEqualTo(Outcome.REFUSED);
        assertThat(StoreSnapshot.of(registry)).isEqualTo(before);
        assertThat(everyRow()).isEqualTo(rowsBefore);
        assertThat(registry.audit().head().count()).isEqualTo(entries + 1);
        String entry = registry.audit().entries(entries, entries + 1).get(0).body();
        assertThat(entry).contains("\"outcome\":\"REFUSED\"", "\"" + d.reasonCodes().get(0).name() + "\"");
        assertThat(RAW_ID.matcher(entry).find()).as("a raw resident ID in %s", entry).isFalse();
        for (Reason r : d.reasons()) {
            for (String message : List.of(r.messageEn(), r.messageZh())) {
                assertThat(RAW_ID.matcher(message).find()).as("a raw resident ID in %s", message).isFalse();
                String[] lines = message.split("\n", -1);
                assertThat(Arrays.asList(lines).subList(1, lines.length)).as("lines after the first of %s", message)
                        .allMatch(line -> line.startsWith("Maybe"));
                assertThat(message.codePoints().filter(c -> c != '\n'))
                        .as("control characters, line separators or lone surrogates in %s", message)
                        .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.getType(c) == Character.SURROGATE);
            }
        }
        return d;
    }

    // ---- the hostile commands ----

    /**
     * A command with one hostile field, the actor that may give it, and what the refusal must be.
     *
     * @param label what was put where
     * @param actor the actor, in written form
     * @param command the command
     * @param field the field (path) the refusal's rule must name
     * @param codes the reason codes that fit the fault
     */
    record Hostile(String label, String actor, Command command, String field, Set<ReasonCode> codes) {

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A hostile value and the refusal it calls for.
     *
     * @param value the value, possibly {@code null}
     * @param codes the fitting reason codes
     * @param field the field the rule names, or {@code null} for the slot's own
     */
    record Bad(Object value, Set<ReasonCode> codes, String field) {

        Bad(Object value, ReasonCode code) {
            this(value, EnumSet.of(code), null);
        }

        @Override
        public String toString() {
            return value == null ? "null" : value instanceof String s ? "'" + escaped(s) + "'" : value.toString();
        }
    }

    /**
     * A field of a command, by the right actor, to put hostile values into.
     *
     * @param actor the actor that may give the command
     * @param field the field's path
     * @param values the hostile values that fit the field
     * @param command the command with the value in the field, every other field valid
     */
    record Slot(String actor, String field, Arbitrary<Bad> values, Function<Object, Command> command) {
    }

    @Provide
    Arbitrary<Hostile> hostileCommands() {
        return commandsWithAHostileField();
    }

    /** Commands of every kind with one hostile field, by the actor that may give them. */
    static Arbitrary<Hostile> commandsWithAHostileField() {
        List<Slot> slots = List.of(
                new Slot("GUARDIAN", "child", ids(true, false), v -> new Register((String) v, "小明", HAIDIAN, HAIDIAN, "HD001", null)),
                new Slot("GUARDIAN", "name", texts(50, true), v -> new Register(NEWCOMER, (String) v, HAIDIAN, HAIDIAN, "HD001", null)),
                new Slot("GUARDIAN", "household", households(true), v -> new Register(NEWCOMER, "小明", (String) v, HAIDIAN, "HD001", null)),
                new Slot("GUARDIAN", "district", codes(ReasonCode.UNKNOWN_DISTRICT, true), v -> new Register(NEWCOMER, "小明", HAIDIAN, (String) v, "HD001", null)),
                new Slot("GUARDIAN", "school", codes(ReasonCode.UNKNOWN_SCHOOL, true), v -> new Register(NEWCOMER, "小明", HAIDIAN, HAIDIAN, (String) v, null)),
                new Slot("GUARDIAN", "route", patterned(false), v -> new Register(NEWCOMER, "小明", HAIDIAN, HAIDIAN, "HD001", (String) v)),
                new Slot("GUARDIAN", "child", ids(true, true), v -> new Amend((String) v, "改名", null, null)),
                new Slot("GUARDIAN", "name", texts(50, false), v -> new Amend(HOLDER, (String) v, null, "HD002")),
                new Slot("GUARDIAN", "household", households(false), v -> new Amend(HOLDER, null, (String) v, null)),
                new Slot("GUARDIAN", "school", codes(ReasonCode.UNKNOWN_SCHOOL, false), v -> new Amend(HOLDER, "改名", null, (String) v)),
                new Slot("GUARDIAN", "child", ids(true, true), v -> new Withdraw((String) v)),
                new Slot("SCHOOL:HD001", "child", ids(true, true), v -> new Verify((String) v, "pass", List.of("HUKOU", "BIRTH", "HOME"), null)),
                new Slot("SCHOOL:HD001", "result", patterned(true), v -> new Verify(HOLDER, (String) v, List.of("HUKOU", "BIRTH", "HOME"), null)),
                new Slot("SCHOOL:HD001", "documents[1]", patterned(true), v -> new Verify(HOLDER, "pass", Arrays.asList("HUKOU", (String) v), null)),
                new Slot("SCHOOL:HD001", "reason", texts(200, false), v -> new Verify(HOLDER, "fail", List.of(), (String) v)),
                new Slot("SCHOOL:HD001", "child", ids(true, true), v -> new Tick((String) v)),
                new Slot("SCHOOL:HD001", "child", ids(true, true), v -> new Untick((String) v)),
                new Slot("SCHOOL:HD001", "child", ids(false, true), v -> new Admit((String) v)),
                new Slot("CITY", "child", ids(true, true), v -> new FileStudentRecord((String) v)),
                new Slot("DISTRICT:110108", "child", ids(false, true), v -> new Approve(null, (String) v)),
                new Slot("DISTRICT:110108", "school", codes(ReasonCode.UNKNOWN_SCHOOL, false), v -> new Approve((String) v, null)),
                new Slot("DISTRICT:110108", "child", ids(true, true), v -> new ReturnEntry((String) v, "材料不符")),
                new Slot("DISTRICT:110108", "reason", texts(200, true), v -> new ReturnEntry(HOLDER, (String) v)),
                new Slot("DISTRICT:110108", "child", ids(true, true), v -> new Release((String) v, "家庭搬迁")),
                new Slot("DISTRICT:110108", "reason", texts(200, true), v -> new Release(HOLDER, (String) v)),
                new Slot("SCHOOL:HD001", "child", ids(true, true), v -> new BoardingDecide((String) v, "admit")),
                new Slot("SCHOOL:HD001", "result", patterned(true), v -> new BoardingDecide(HOLDER, (String) v)),
                new Slot("COBUILD:U-ACAD", "school", codes(ReasonCode.UNKNOWN_SCHOOL, true), v -> new CoBuildListing((String) v, List.of(listed(NEWCOMER, "共建", HAIDIAN)))),
                new Slot("COBUILD:U-ACAD", "children", lists(), v -> new CoBuildListing("HD001", listedChildren(v))),
                new Slot("COBUILD:U-ACAD", "children[1].child", ids(true, false), v -> new CoBuildListing("HD001",
                        Arrays.asList(listed(NEWCOMER, "共建", HAIDIAN), listed((String) v, "共建", HAIDIAN)))),
                new Slot("COBUILD:U-ACAD", "children[0].name", texts(50, true), v -> new CoBuildListing("HD001", List.of(listed(NEWCOMER, (String) v, HAIDIAN)))),
                new Slot("COBUILD:U-ACAD", "children[0].household", households(true), v -> new CoBuildListing("HD001", List.of(listed(NEWCOMER, "共建", (String) v)))),
                new Slot("SCHOOL:HD001", "children", lists(), v -> new CoBuildSelect(selected(v))),
                new Slot("SCHOOL:HD001", "children[0]", selectedIds(), v -> new CoBuildSelect(Collections.singletonList((String) v))));
        return Arbitraries.of(slots).flatMap(slot -> slot.values().map(bad -> new Hostile(
                bad + " as " + slot.field() + " of " + slot.command().apply(bad.value()).kind().text(), slot.actor(),
                slot.command().apply(bad.value()), bad.field() == null ? slot.field() : bad.field(), bad.codes())));
    }

    /** Malformed resident IDs; null where the field is required; a valid ID nobody registered where the command looks it up. */
    private static Arbitrary<Bad> ids(boolean required, boolean lookedUp) {
        Arbitrary<String> valid = Arbitraries.integers().between(0, 999).map(n -> ChildIds.eligible(HAIDIAN, n));
        Arbitrary<String> malformed = Arbitraries.oneOf(
                valid.map(id -> id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0')),
                Arbitraries.of("20080230", "20081301", "20080000", "20081232", "20080431").map(HostileInputContract::withCheck),
                valid.filter(id -> id.endsWith("X")).map(id -> id.substring(0, 17) + "x"),
                valid.map(id -> id.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat)),
                valid.map(id -> id + "\n"), valid.map(id -> " " + id), valid.map(id -> id.substring(1)),
                valid.map(id -> id + INJECTION), Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(10_000),
                Arbitraries.of("", "110108' OR '1'='1", "11010820080101001\uD800", INJECTION));
        List<Tuple.Tuple2<Integer, Arbitrary<Bad>>> choices = new ArrayList<>();
        choices.add(Tuple.of(8, malformed.map(s -> new Bad(s, ReasonCode.INVALID_RESIDENT_ID))));
        if (required) {
            choices.add(Tuple.of(1, Arbitraries.just(new Bad(null, ReasonCode.INVALID_INPUT))));
        }
        if (lookedUp) {
            choices.add(Tuple.of(1, Arbitraries.just(new Bad(STRANGER, ReasonCode.UNKNOWN_REGISTRATION))));
        }
        return frequencyOf(choices);
    }

    /** The ID of an impossible birth date in Haidian, with the check character that fits its digits. */
    private static String withCheck(String date) {
        String body = HAIDIAN + date + "123";
        return body + Mod11Check.of(body);
    }

    /** Text that is no valid plain text of at most {@code max} characters; null where the field is required. */
    private static Arbitrary<Bad> texts(int max, boolean required) {
        Arbitrary<String> plain = Arbitraries.strings().withChars("王小明李华 abcO'-").ofMinLength(1).ofMaxLength(max - 1)
                .filter(s -> !s.isBlank());
        Arbitrary<String> hostile = Arbitraries.oneOf(
                Arbitraries.of("", " ", "   ", "\t"),
                Arbitraries.strings().withChars("王小明abc").ofMinLength(max + 1).ofMaxLength(max + 200),
                Arbitraries.strings().alpha().ofMinLength(max + 1).ofMaxLength(20_000),
                Combinators.combine(plain, Arbitraries.of(CONTROLS), Arbitraries.integers().between(0, max))
                        .as((s, c, at) -> insert(s, String.valueOf(c), at)),
                Combinators.combine(plain, Arbitraries.chars().range('\uD800', '\uDFFF'), Arbitraries.integers().between(0, max))
                        .as((s, c, at) -> insert(s, String.valueOf(c), at)),
                Arbitraries.of("儿童\n[main] INFO org.enrollment.core.registry.Registry - #7 register by GUARDIAN: ACCEPTED",
                        "王\r\nMaybe " + HOLDER, INJECTION + "\u0000", "\uDC00\uD800", "O'Brien\u2028; DROP TABLE x"));
        return withNull(hostile.map(s -> new Bad(s, ReasonCode.INVALID_INPUT)), required);
    }

    private static String insert(String s, String what, int at) {
        int i = Math.min(at, s.length());
        return s.substring(0, i) + what + s.substring(i);
    }

    /** Text a pattern-checked code field (route, result, document) refuses; null where required. */
    private static Arbitrary<Bad> patterned(boolean required) {
        Arbitrary<String> hostile = Arbitraries.oneOf(
                Arbitraries.of("", "pass\n", "PASS", "online", "BOARDING ", "admit;", "PASSPORT", INJECTION, HOLDER, "\uD800"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(300).filter(s -> !s.matches("ONLINE|BOARDING|pass|fail|admit|reject|"
                        + "HUKOU|BIRTH|HOME|WORK|RESIDENCE|TEMP_RESIDENCE|NO_GUARDIAN_HOME")));
        return withNull(hostile.map(s -> new Bad(s, ReasonCode.INVALID_INPUT)), required);
    }

    /** Households that are malformed (or null where required), and well-formed ones of no district. */
    private static Arbitrary<Bad> households(boolean required) {
        Arbitrary<Bad> malformed = Arbitraries.oneOf(
                Arbitraries.of("", "110108\n", "NB:13000", "nb:130000", "11010８", "110108'; --", HOLDER, "NB:130000 "),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(300).filter(s -> !s.matches("\\d{6}|NB:\\d{6}")))
                .map(s -> new Bad(s, ReasonCode.INVALID_INPUT));
        Arbitrary<Bad> unknown = Arbitraries.of("999999", "000000", "110100").map(s -> new Bad(s, ReasonCode.UNKNOWN_DISTRICT));
        return withNull(Arbitraries.oneOf(malformed, unknown), required);
    }

    /** District or school codes: oversized ones are malformed, any other that names nothing is unknown. */
    private static Arbitrary<Bad> codes(ReasonCode unknown, boolean required) {
        Arbitrary<Bad> oversized = Arbitraries.strings().alpha().ofMinLength(65).ofMaxLength(10_000).map(s -> new Bad(s, ReasonCode.INVALID_INPUT));
        Arbitrary<Bad> nothing = Arbitraries.oneOf(
                Arbitraries.of("", "NOPE", "hd001", "HD001 ", "110108\n", "\u0000", INJECTION, HOLDER, "\uD800HD001", "HD001\u2028x"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(64).filter(s -> !s.matches("[A-Z]{2}\\d{3}|\\d{6}")))
                .map(s -> new Bad(s, unknown));
        return withNull(Arbitraries.frequencyOf(Tuple.of(1, oversized), Tuple.of(4, nothing)), required);
    }

    /** Empty, null and oversized lists, and lists with a null entry (the entry's position is the field). */
    private static Arbitrary<Bad> lists() {
        return Arbitraries.of(
                new Bad(List.of(), ReasonCode.INVALID_INPUT),
                new Bad(null, ReasonCode.INVALID_INPUT),
                new Bad(10_001, ReasonCode.INVALID_INPUT),
                new Bad(Collections.singletonList(null), EnumSet.of(ReasonCode.INVALID_INPUT), "children[0]"));
    }

    /** The list a {@link #lists} value stands for, of listed children. */
    private static List<ListedChildText> listedChildren(Object value) {
        if (value instanceof Integer n) {
            List<ListedChildText> many = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                many.add(listed(ChildIds.eligible(AREAS.get(i % AREAS.size()), i / AREAS.size() % 1000), "共建", HAIDIAN));
            }
            return many;
        }
        if (value == null) {
            return null;
        }
        return ((List<?>) value).isEmpty() ? List.of() : Collections.singletonList(null);
    }

    /** The list a {@link #lists} value stands for, of selected IDs. */
    private static List<String> selected(Object value) {
        if (value instanceof Integer n) {
            List<String> many = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                many.add(ChildIds.eligible(AREAS.get(i % AREAS.size()), i / AREAS.size() % 1000));
            }
            return many;
        }
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) value;
        return list;
    }

    /** Selected IDs that are malformed, and a valid one that is on no list (no list waits at HD001). */
    private static Arbitrary<Bad> selectedIds() {
        return Arbitraries.oneOf(ids(true, false),
                Arbitraries.just(new Bad(STRANGER, EnumSet.of(ReasonCode.UNKNOWN_REGISTRATION), "children")));
    }

    private static ListedChildText listed(String child, String name, String household) {
        return new ListedChildText(child, name, household);
    }

    private static Arbitrary<Bad> withNull(Arbitrary<Bad> values, boolean required) {
        return required ? Arbitraries.frequencyOf(Tuple.of(9, values), Tuple.of(1, Arbitraries.just(new Bad(null, ReasonCode.INVALID_INPUT))))
                : values;
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Bad> frequencyOf(List<Tuple.Tuple2<Integer, Arbitrary<Bad>>> choices) {
        return Arbitraries.frequencyOf(choices.toArray(new Tuple.Tuple2[0]));
    }

    // ---- hostile actors, valid commands and names ----

    @Provide
    Arbitrary<String> hostileActors() {
        return actorsNotAllowed();
    }

    /** Actors of no known form, and well-formed ones that may give none of {@link #validCommandsAboutTheHolder}. */
    static Arbitrary<String> actorsNotAllowed() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "TEACHER", "SCHOOL:", "SCHOOL", "DISTRICT", "COBUILD", "CITY:x", "GUARDIAN:x", "school:HD001",
                        "SCHOOL:HD001\nCITY", "CITY\n", "SCHOOL:HD 001", "SCHOOL:HD001:x", "SCHOOL:" + INJECTION,
                        "SCHOOL:\u0000", "SCHOOL:HD001\u2028", "SCHOOL:" + "H".repeat(65), "\uD800", "CITY\r\n[main] INFO forged"),
                Arbitraries.of("SCHOOL:", "DISTRICT:", "COBUILD:").flatMap(kind -> Arbitraries.oneOf(
                        Arbitraries.of(HOLDER, STRANGER, "NOPE", "HD001'--", "110101", "\uD800").map(id -> kind + id),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(100).map(id -> kind + id))),
                Arbitraries.strings().ofMaxLength(200))
                .filter(actor -> !List.of("GUARDIAN", "CITY", "SCHOOL:HD001", "DISTRICT:110108", "COBUILD:U-ACAD").contains(actor));
    }

    @Provide
    Arbitrary<Command> validCommands() {
        return validCommandsAboutTheHolder();
    }

    /** Valid commands that only a guardian, the school HD001, the district 110108, the city or the unit U-ACAD may give. */
    static Arbitrary<Command> validCommandsAboutTheHolder() {
        return Arbitraries.of(
                new Register(NEWCOMER, "小明", HAIDIAN, HAIDIAN, "HD001", null), new Amend(HOLDER, "改名", null, null),
                new Withdraw(HOLDER), new Verify(HOLDER, "pass", List.of("HUKOU", "BIRTH", "HOME"), null), new Tick(HOLDER),
                new Approve(null, HOLDER), new Release(HOLDER, "家庭搬迁"), new FileStudentRecord(HOLDER),
                new CoBuildListing("HD001", List.of(listed(NEWCOMER, "共建", HAIDIAN))));
    }

    /** Valid names: injection- and markup-shaped, quotes, emoji, CJK, 50 characters, and random plain text. */
    @Provide
    Arbitrary<String> validNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("O'Brien; DROP TABLE x", INJECTION, "Robert'); DELETE FROM audit_entry; --", "\" OR 1=1 --",
                        "王'小\"明", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "%s%n%x", "\\u0000", "😀👨‍👩‍👧",
                        "𠀀𠀁𪚥", "张".repeat(50), "😀".repeat(50), "Zoë Ñúñez", "ع\u200Fربي", "a\u00A0b", "\\'; --", "NULL", "null"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(50).filter(HostileInputContract::validName));
    }

    /** What {@link PersonName} accepts as it is (already in NFC): the names a store must keep verbatim. */
    private static boolean validName(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) && PersonName.Validator.problemWith(s) == null;
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(60).forEach(c -> {
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x2028 || c == 0x2029 || c >= 0xD800 && c <= 0xDFFF) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return s.length() > 60 ? b + "…(" + s.length() + ")" : b.toString();
    }
}
