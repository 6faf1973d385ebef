package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * The Drools rules and the hand-written {@link ReferencePolicies} agree on every decision: random command
 * sequences go through two registries, one judged by each, and after every command the outcome, the reasons
 * (code, rule and messages), the registrations' states and the rules fired must be the same. The Drools
 * rules may also name derivation rules (marked {@code @derivation}), which the reference has no name for.
 */
class PolicyDifferentialProperties {

    private static final Instant OPENS = Fixtures.beijing("2014-05-05T00:00");
    private static final Instant CLOSES = Fixtures.beijing("2014-05-15T00:00");
    private static final List<School> SCHOOLS = List.of(
            new School("HD001", "海淀实验小学", "110108", 2, false),
            new School("HD002", "海淀寄宿学校", "110108", 1, true),
            new School("XC900", "北京小学", "110102", 1, true),
            new School("CY001", "朝阳小学", "110105", 1, false));
    private static final List<CoBuildAgreement> AGREEMENTS = List.of(
            new CoBuildAgreement("U-ACAD", "HD001", 1), new CoBuildAgreement("U-ARMY", "CY001", 2));
    private static final Season SEASON = new Season(2014, OPENS, CLOSES, 3, DistrictCatalog.beijing(), SCHOOLS, AGREEMENTS);
    private static final List<String> UNITS = List.of("U-ACAD", "U-ARMY", "U-FAKE");
    private static final List<String> DISTRICTS = List.of("110108", "110102", "110105");
    private static final List<String> HOUSEHOLDS = List.of("110108", "110102", "110105", "NB:130000");
    private static final List<ResidentId> CHILDREN = List.of(
            ResidentId.compose("110108", LocalDate.of(2008, 1, 15), 11),
            ResidentId.compose("110102", LocalDate.of(2008, 8, 31), 22),
            ResidentId.compose("110105", LocalDate.of(2007, 12, 1), 33),
            ResidentId.compose("130102", LocalDate.of(2008, 5, 5), 44),
            ResidentId.compose("110108", LocalDate.of(2008, 6, 6), 55),
            ResidentId.compose("110108", LocalDate.of(2008, 9, 1), 66));

    @Property(tries = 300)
    void droolsAndReferencePoliciesAgreeOnEveryDecision(@ForAll("sessions") List<Intent> session) {
        MutableClock clock = new MutableClock(OPENS.minus(Duration.ofDays(1)));
        DroolsPolicyEngine drools = FiredRules.shipped();
        Registry byDrools = Registry.builder(SEASON, drools).clock(clock).build();
        Registry byReference = Registry.builder(SEASON, new ReferencePolicies()).clock(clock).build();
        for (Intent intent : session) {
            clock.advance(Duration.ofHours(intent.hoursLater()));
            Given given = intent.given(byReference);
            Decision d = byDrools.handle(given.actor(), given.command());
            Decision r = byReference.handle(given.actor(), given.command());
            String step = given + " at " + clock.instant();
            assertThat(d.outcome()).as(step).isEqualTo(r.outcome());
            assertThat(d.reasons()).as(step).containsExactlyInAnyOrderElementsOf(r.reasons());
            Set<String> droolsFired = new TreeSet<>(d.rulesFired());
            droolsFired.removeAll(drools.derivationRuleNames());
            assertThat(droolsFired).as(step + ": rules fired (derivations aside)").isEqualTo(new TreeSet<>(r.rulesFired()));
            assertThat(d.registrations().stream().map(Registration::state).toList()).as(step)
                    .isEqualTo(r.registrations().stream().map(Registration::state).toList());
            FiredRules.record(d.rulesFired());
            d.rulesFired().forEach(rule -> Statistics.label("rules fired").collect(rule));
        }
    }

    @Provide
    Arbitrary<List<Intent>> sessions() {
        Arbitrary<CommandKind> kinds = Arbitraries.frequency(
                Tuple.of(8, CommandKind.REGISTER), Tuple.of(2, CommandKind.AMEND), Tuple.of(3, CommandKind.WITHDRAW),
                Tuple.of(5, CommandKind.VERIFY), Tuple.of(4, CommandKind.TICK), Tuple.of(1, CommandKind.UNTICK),
                Tuple.of(2, CommandKind.SUBMIT_LIST), Tuple.of(2, CommandKind.APPROVE), Tuple.of(1, CommandKind.RETURN),
                Tuple.of(1, CommandKind.RELEASE), Tuple.of(1, CommandKind.ADMIT), Tuple.of(1, CommandKind.FILE),
                Tuple.of(4, CommandKind.BOARDING_DECIDE), Tuple.of(3, CommandKind.COBUILD_LIST),
                Tuple.of(3, CommandKind.COBUILD_SELECT));
        Arbitrary<Integer> choice = uniform(0, 1 << 12);
        Arbitrary<Intent> intents = Combinators.combine(kinds, choice, choice, choice, uniform(1, (1 << CHILDREN.size()) - 1),
                Arbitraries.of(true, false), uniform(0, 12), uniform(0, 9))
                .as(Intent::new);
        return intents.list().ofMinSize(5).ofMaxSize(60);
    }

    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform()).withoutEdgeCases();
    }

    /**
     * One command, as random choices that are made concrete against the registry when it is given: the
     * actor is mostly the one with jurisdiction over the registration the command names.
     *
     * @param kind the command
     * @param a the first choice: the child, the unit
     * @param b the second: the school, the documents shown
     * @param c the third: the district, the household
     * @param children a non-empty set of children, as bits, for co-build lists and selections
     * @param flag pass or fail, admit or reject, boarding or not, whole school or one child
     * @param hoursLater how long after the command before it
     * @param actorNoise 0 for an actor chosen at random instead of the one with jurisdiction
     */
    record Intent(CommandKind kind, int a, int b, int c, int children, boolean flag, int hoursLater, int actorNoise) {

        /**
         * The child the command names: for a command on a registration, mostly one of the children who hold
         * one, so that commands get past the input check and reach the policies.
         */
        ResidentId child(Registry registry) {
            List<ResidentId> registered = CHILDREN.stream().filter(ch -> registry.registrationOf(ch).isPresent()).toList();
            if (kind == CommandKind.REGISTER || actorNoise == 2 || registered.isEmpty()) {
                return CHILDREN.get(a % CHILDREN.size());
            }
            return registered.get(a % registered.size());
        }

        School school() {
            return SCHOOLS.get(b % SCHOOLS.size());
        }

        List<ResidentId> listed() {
            List<ResidentId> listed = new ArrayList<>();
            for (int i = 0; i < CHILDREN.size(); i++) {
                if ((children & (1 << i)) != 0) {
                    listed.add(CHILDREN.get(i));
                }
            }
            return listed;
        }

        /** The actor and the command, made concrete against what the registry holds now. */
        Given given(Registry registry) {
            ResidentId child = child(registry);
            CommandKind k = kind;
            Optional<Registration> target = registry.registrationOf(child);
            if (actorNoise >= 6 && target.isPresent() && kind != CommandKind.REGISTER && kind != CommandKind.COBUILD_LIST
                    && kind != CommandKind.COBUILD_SELECT) {
                k = nextStep(target.get());
            }
            return new Given(actor(k, registry, child), command(k, registry, child));
        }

        /** The command that takes the registration on along its lifecycle, mostly forwards. */
        private CommandKind nextStep(Registration r) {
            return switch (r.state()) {
                case SUBMITTED -> r.route() == Route.BOARDING && flag
                        ? CommandKind.BOARDING_DECIDE : CommandKind.VERIFY;
                case VERIFICATION_FAILED -> CommandKind.AMEND;
                case VERIFIED -> CommandKind.TICK;
                case BOARDING_REJECTED, WITHDRAWN -> CommandKind.WITHDRAW;
                case PRE_ADMITTED -> flag ? CommandKind.SUBMIT_LIST : CommandKind.UNTICK;
                case UNDER_REVIEW -> flag ? CommandKind.APPROVE : CommandKind.RETURN;
                case APPROVED -> CommandKind.ADMIT;
                case ADMITTED, FILED -> CommandKind.FILE;
            };
        }

        private String actor(CommandKind kind, Registry registry, ResidentId child) {
            if (actorNoise == 0) {
                return List.of("GUARDIAN", "CITY", "SCHOOL:" + school().code(), "DISTRICT:" + DISTRICTS.get(c % DISTRICTS.size()),
                        "COBUILD:" + UNITS.get(a % UNITS.size())).get((a + b) % 5);
            }
            Optional<Registration> target = registry.registrationOf(child);
            String targetSchool = target.map(Registration::school).orElse(school().code());
            String targetDistrict = target.map(Registration::district).orElse(school().district());
            return switch (kind) {
                case REGISTER, AMEND, WITHDRAW -> "GUARDIAN";
                case VERIFY, TICK, UNTICK, BOARDING_DECIDE -> "SCHOOL:" + targetSchool;
                case ADMIT -> "SCHOOL:" + (flag && actorNoise < 6 ? school().code() : targetSchool);
                case SUBMIT_LIST -> "SCHOOL:" + school().code();
                case APPROVE -> "DISTRICT:" + (flag && actorNoise < 6 ? school().district() : targetDistrict);
                case RETURN, RELEASE -> "DISTRICT:" + targetDistrict;
                case FILE -> "CITY";
                case COBUILD_LIST -> "COBUILD:" + UNITS.get(a % UNITS.size());
                case COBUILD_SELECT -> "SCHOOL:" + AGREEMENTS.get(b % AGREEMENTS.size()).school();
            };
        }

        private Command command(CommandKind kind, Registry registry, ResidentId child) {
            String id = child.value();
            return switch (kind) {
                case REGISTER -> new Register(id, "童" + (a % 7), HOUSEHOLDS.get(c % HOUSEHOLDS.size()),
                        c % 8 == 0 ? DISTRICTS.get(a % DISTRICTS.size()) : school().district(), school().code(),
                        flag && (school().boarding() || actorNoise == 1) ? "BOARDING" : null);
                case AMEND -> flag ? new Amend(id, null, null, school().code())
                        : new Amend(id, null, HOUSEHOLDS.get(c % HOUSEHOLDS.size()), null);
                case WITHDRAW -> new Withdraw(id);
                case VERIFY -> new Verify(id, flag || actorNoise >= 6 ? "pass" : "fail", documents(), flag ? null : "材料不符");
                case TICK -> new Tick(id);
                case UNTICK -> new Untick(id);
                case SUBMIT_LIST -> new SubmitList();
                case APPROVE -> flag && actorNoise < 6 ? new Approve(school().code(), null) : new Approve(null, id);
                case RETURN -> new ReturnEntry(id, "请补充材料");
                case RELEASE -> new Release(id, "家长申请");
                case ADMIT -> new Admit(flag && actorNoise < 6 ? null : id);
                case FILE -> new FileStudentRecord(id);
                case BOARDING_DECIDE -> new BoardingDecide(id, flag ? "admit" : "reject");
                case COBUILD_LIST -> new CoBuildListing(AGREEMENTS.get(b % AGREEMENTS.size()).school(), listed().stream()
                        .map(ch -> new ListedChildText(ch.value(), "共建" + ch.value().charAt(16),
                                HOUSEHOLDS.get((c + ch.value().charAt(16)) % HOUSEHOLDS.size()))).toList());
                case COBUILD_SELECT -> new CoBuildSelect(selection(registry).stream().map(ResidentId::value).toList());
            };
        }

        /** Mostly children from the list waiting at the school, so that selections get past the input check. */
        private List<ResidentId> selection(Registry registry) {
            String school = AGREEMENTS.get(b % AGREEMENTS.size()).school();
            List<ResidentId> listed = listed();
            Optional<CoBuildList> waiting = registry.store().waitingList(school);
            if (actorNoise == 1 || waiting.isEmpty()) {
                return listed;
            }
            List<ResidentId> onList = listed.stream().filter(waiting.get()::names).toList();
            return onList.isEmpty() ? List.of(waiting.get().children().get(0).child()) : onList;
        }

        private List<String> documents() {
            List<String> shown = new ArrayList<>();
            Document[] all = Document.values();
            for (int i = 0; i < all.length; i++) {
                if (((b >> 2) & (1 << i)) != 0 || b % 3 == 0) {
                    shown.add(all[i].name());
                }
            }
            return shown;
        }
    }

    /** A command as given to both registries. */
    record Given(String actor, Command command) {
    }
}
