package org.enrollment.core.registry;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.ActorKind;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ListedChild;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.ChangeSet;
import org.enrollment.core.store.CoBuildCount;
import org.enrollment.core.store.RegistrationStore;

/**
 * Judges one command against what the store holds now, in the order SCENARIOS.md gives: input,
 * authority, lifecycle, then the policies. It writes nothing: the registry commits what it returns.
 */
final class CommandJudge {

    /** The accessor of a command's {@code child} field, or {@code null} for a command without one. */
    private static final ClassValue<Method> CHILD_ACCESSOR = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("child")) {
                    return component.getAccessor();
                }
            }
            return null;
        }
    };

    private final Season season;
    private final PolicyEngine policies;
    private final RegistrationStore store;
    private final InputCheck input;

    CommandJudge(Season season, PolicyEngine policies, RegistrationStore store, InputCheck input) {
        this.season = season;
        this.policies = policies;
        this.store = store;
        this.input = input;
    }

    Judgement judge(Actor actor, Command command, Instant at) {
        Call call = new Call(actor, command, at);
        if (command instanceof Register c) {
            return register(call, c);
        } else if (command instanceof Amend c) {
            return amend(call, c);
        } else if (command instanceof Withdraw) {
            return step(call, Step.WITHDRAW, null, call::guardianOnly);
        } else if (command instanceof Verify c) {
            return verify(call, c);
        } else if (command instanceof Tick) {
            return step(call, Step.TICK, null, call::schoolOfTarget);
        } else if (command instanceof Untick) {
            return step(call, Step.UNTICK, null, call::schoolOfTarget);
        } else if (command instanceof SubmitList) {
            return wholeSchool(call, RegistrationState.PRE_ADMITTED, Step.SUBMIT);
        } else if (command instanceof Approve c) {
            return approve(call, c);
        } else if (command instanceof ReturnEntry c) {
            return step(call, Step.RETURN, c.reason(), call::districtOfTarget);
        } else if (command instanceof Release c) {
            return step(call, Step.RELEASE, c.reason(), call::districtOfTarget);
        } else if (command instanceof Admit c) {
            return c.child() == null ? wholeSchool(call, RegistrationState.APPROVED, Step.ADMIT)
                    : step(call, Step.ADMIT, null, call::schoolOfTarget);
        } else if (command instanceof FileStudentRecord) {
            return step(call, Step.FILE, null, call::cityOnly);
        } else if (command instanceof BoardingDecide c) {
            return boardingDecide(call, c);
        } else if (command instanceof CoBuildListing c) {
            return coBuildList(call, c);
        } else if (command instanceof CoBuildSelect c) {
            return coBuildSelect(call, c);
        }
        throw new IllegalArgumentException("Unknown command type " + command.getClass().getName() + ".");
    }

    // ---- the commands ----

    private Judgement register(Call call, Register c) {
        Reason problem = call.firstProblem(Map.of(
                "household", () -> householdProblem("household", c.household()),
                "district", () -> season.districts().contains(c.district()) ? null : Reasons.unknownDistrict("district", c.district()),
                "school", () -> schoolProblem("school", c.school())));
        ResidentId child = call.childOrNull(c.child());
        if (problem != null) {
            return call.refuse(problem, List.of());
        }
        if (call.actor.kind() != ActorKind.GUARDIAN) {
            return call.refuse(Reasons.notAuthorized(call.actor, call.kind, "only a guardian registers a child"), List.of());
        }
        List<Registration> history = store.ofChild(child);
        School school = season.school(c.school()).orElseThrow();
        Route route = c.route() == null ? Route.ONLINE : Route.valueOf(c.route());
        NewRegistration proposed = new NewRegistration(season.year(), child, c.name(), Household.of(c.household()),
                c.district(), school.code(), route, null, RegistrationState.SUBMITTED, call.at);
        PolicyVerdict verdict = policies.judge(new PolicyQuestion(call.kind, call.actor, call.at, season, null, proposed,
                history, school, store.placesTaken(school.code()), Set.of(), false, null));
        call.detail("district=" + c.district() + " school=" + school.code() + " route=" + route);
        return call.afterPolicy(verdict, List.of(), () -> ChangeSet.of(List.of(), List.of(proposed), Map.of()));
    }

    private Judgement amend(Call call, Amend c) {
        Reason problem = call.firstProblem(Map.of(
                "household", () -> c.household() == null ? null : householdProblem("household", c.household()),
                "school", () -> c.school() == null ? null : schoolProblem("school", c.school())));
        if (problem == null && c.name() == null && c.household() == null && c.school() == null) {
            problem = Reasons.invalidInput("name", null, "an amendment needs at least one of name, household and school");
        }
        if (problem != null) {
            return call.refuse(problem, call.concerned());
        }
        if (call.actor.kind() != ActorKind.GUARDIAN) {
            return call.refuse(Reasons.notAuthorized(call.actor, call.kind, "only a guardian amends a registration"), call.concerned());
        }
        Registration target = call.target;
        String schoolCode = c.school() == null ? target.school() : c.school();
        Household household = c.household() == null ? target.household() : Household.of(c.household());
        String name = c.name() == null ? target.name() : c.name();
        Optional<Registration> after = target.amend(name, household, schoolCode, call.at);
        if (after.isEmpty()) {
            return call.refuse(Reasons.illegalTransition(target, Step.AMEND, call.kind), call.concerned());
        }
        School school = season.school(schoolCode).orElseThrow();
        NewRegistration proposed = new NewRegistration(season.year(), target.child(), name, household, target.district(),
                schoolCode, target.route(), target.coBuildUnit(), RegistrationState.SUBMITTED, call.at);
        PolicyVerdict verdict = policies.judge(new PolicyQuestion(call.kind, call.actor, call.at, season, target, proposed,
                call.history, school, store.placesTaken(schoolCode), Set.of(), false, null));
        call.detail("school=" + schoolCode);
        return call.afterPolicy(verdict, call.concerned(), () -> ChangeSet.of(List.of(after.get()), List.of(), Map.of()));
    }

    private Judgement verify(Call call, Verify c) {
        Reason problem = call.firstProblem(Map.of(
                "reason", () -> "fail".equals(c.result()) && c.reason() == null
                        ? Reasons.invalidInput("reason", null, "a failed verification needs a reason of 1 to 200 characters") : null));
        Step step = "pass".equals(c.result()) ? Step.VERIFY_PASS : Step.VERIFY_FAIL;
        Set<Document> documents = EnumSet.noneOf(Document.class);
        if (problem == null && c.documents() != null) {
            c.documents().forEach(d -> documents.add(Document.valueOf(d)));
        }
        return stepAfterInput(call, problem, step, c.reason(), call::schoolOfTarget, documents, step == Step.VERIFY_PASS);
    }

    private Judgement boardingDecide(Call call, BoardingDecide c) {
        Reason problem = call.firstProblem(Map.of());
        if (problem == null && call.target.route() != Route.BOARDING) {
            Reason authority = call.schoolOfTarget();
            return call.refuse(authority != null ? authority : Reasons.notBoardingRoute(call.target), call.concerned());
        }
        boolean admit = "admit".equals(c.result());
        return stepAfterInput(call, problem, admit ? Step.BOARDING_ADMIT : Step.BOARDING_REJECT, null,
                call::schoolOfTarget, Set.of(), admit);
    }

    /** A command that takes one step on the child's registration. */
    private Judgement step(Call call, Step step, String reason, Supplier<Reason> authority) {
        return stepAfterInput(call, call.firstProblem(Map.of()), step, reason, authority, Set.of(), false);
    }

    private Judgement stepAfterInput(Call call, Reason problem, Step step, String reason, Supplier<Reason> authority,
                                     Set<Document> documents, boolean positive) {
        if (problem != null) {
            return call.refuse(problem, call.concerned());
        }
        Reason notAllowed = authority.get();
        if (notAllowed != null) {
            return call.refuse(notAllowed, call.concerned());
        }
        Registration target = call.target;
        Optional<Registration> after = target.take(step, call.at, reason == null ? null : ResidentId.maskAll(reason));
        if (after.isEmpty()) {
            return call.refuse(Reasons.illegalTransition(target, step, call.kind), call.concerned());
        }
        School school = season.school(target.school()).orElseThrow();
        PolicyVerdict verdict = policies.judge(new PolicyQuestion(call.kind, call.actor, call.at, season, target, null,
                call.history, school, store.placesTaken(school.code()), documents, positive, null));
        if (reason != null) {
            call.detail("reason=" + ResidentId.maskAll(reason));
        }
        return call.afterPolicy(verdict, call.concerned(),
                () -> ChangeSet.of(List.of(after.get()), List.of(), planOf(school)));
    }

    private Judgement approve(Call call, Approve c) {
        Reason problem = call.firstProblem(Map.of(
                "school", () -> c.school() == null ? null : schoolProblem("school", c.school())));
        if (problem == null && (c.school() == null) == (c.child() == null)) {
            problem = Reasons.invalidInput("school", c.school(), "give exactly one of school (the whole list) and child");
        }
        if (problem != null) {
            return call.refuse(problem, call.concerned());
        }
        if (c.child() != null) {
            return stepAfterInput(call, null, Step.APPROVE, null, call::districtOfTarget, Set.of(), false);
        }
        School school = season.school(c.school()).orElseThrow();
        List<Registration> list = inState(store.ofSchool(school.code()), RegistrationState.UNDER_REVIEW);
        if (call.actor.kind() != ActorKind.DISTRICT || !call.actor.id().equals(school.district())) {
            return call.refuse(Reasons.notAuthorized(call.actor, call.kind,
                    "school " + school.code() + " is in district " + school.district()), list);
        }
        return applyToAll(call, school, list, Step.APPROVE);
    }

    /** A school's command on all its registrations in one state: submit-list, admit of all. */
    private Judgement wholeSchool(Call call, RegistrationState from, Step step) {
        Optional<School> school = call.actor.kind() == ActorKind.SCHOOL ? season.school(call.actor.id()) : Optional.empty();
        if (school.isEmpty()) {
            return call.refuse(Reasons.notAuthorized(call.actor, call.kind, "only a school of this season does that"), List.of());
        }
        return applyToAll(call, school.get(), inState(store.ofSchool(school.get().code()), from), step);
    }

    private Judgement applyToAll(Call call, School school, List<Registration> list, Step step) {
        List<Registration> updated = new ArrayList<>(list.size());
        for (Registration r : list) {
            updated.add(r.take(step, call.at, null).orElseThrow());
        }
        PolicyVerdict verdict = policies.judge(new PolicyQuestion(call.kind, call.actor, call.at, season, null, null,
                List.of(), school, store.placesTaken(school.code()), Set.of(), false, null));
        call.detail("school=" + school.code() + " entries=" + list.size() + " list-sha256=" + listHash(list));
        return call.afterPolicy(verdict, list, () -> ChangeSet.of(updated, List.of(), planOf(school)));
    }

    private Judgement coBuildList(Call call, CoBuildListing c) {
        Set<String> seen = new HashSet<>();
        Reason problem = call.firstProblem(Map.of(
                "school", () -> schoolProblem("school", c.school()),
                "children", () -> {
                    for (int i = 0; i < c.children().size(); i++) {
                        ListedChild l = c.children().get(i);
                        Reason h = householdProblem("children[" + i + "].household", l.household());
                        if (h != null) {
                            return h;
                        }
                        if (!seen.add(l.child())) {
                            return Reasons.invalidInput("children[" + i + "].child", l.child(), "a list names each child once");
                        }
                    }
                    return null;
                }));
        if (problem != null) {
            return call.refuse(problem, List.of());
        }
        List<CoBuildList.Entry> entries = c.children().stream()
                .map(l -> new CoBuildList.Entry(ResidentId.of(l.child()), l.name(), Household.of(l.household()))).toList();
        entries.forEach(e -> call.children.add(e.child()));
        if (call.actor.kind() != ActorKind.COBUILD) {
            return call.refuse(Reasons.notAuthorized(call.actor, call.kind, "only a co-build unit gives a co-build list"), List.of());
        }
        School school = season.school(c.school()).orElseThrow();
        String unit = call.actor.id();
        CoBuildCount inUse = coBuildCount(unit, school);
        boolean fits = season.agreement(unit, school.code()).isPresent() && entries.size() <= quotaLeft(inUse);
        Set<ResidentId> selected = new HashSet<>();
        if (fits) {
            entries.forEach(e -> selected.add(e.child()));
        }
        call.detail("school=" + school.code() + " listed=" + entries.size() + (fits ? " selected at once" : " waiting"));
        CoBuildList list = new CoBuildList(0, unit, school.code(), entries, call.at);
        return coBuildDecision(call, school, list, inUse, selected, fits ? null : list, null);
    }

    private Judgement coBuildSelect(Call call, CoBuildSelect c) {
        Optional<School> school = call.actor.kind() == ActorKind.SCHOOL ? season.school(call.actor.id()) : Optional.empty();
        Optional<CoBuildList> waiting = school.flatMap(s -> store.waitingList(s.code()));
        Set<String> seen = new HashSet<>();
        Reason problem = call.firstProblem(Map.of(
                "children", () -> {
                    for (int i = 0; i < c.children().size(); i++) {
                        String id = c.children().get(i);
                        if (!seen.add(id)) {
                            return Reasons.invalidInput("children[" + i + "]", id, "a selection names each child once");
                        }
                        if (school.isPresent() && (waiting.isEmpty() || !waiting.get().names(ResidentId.of(id)))) {
                            return Reasons.notOnWaitingList(school.get().code(), ResidentId.of(id));
                        }
                    }
                    return null;
                }));
        if (problem != null) {
            return call.refuse(problem, List.of());
        }
        Set<ResidentId> selected = new HashSet<>();
        c.children().forEach(id -> selected.add(ResidentId.of(id)));
        call.children.addAll(selected);
        if (school.isEmpty()) {
            return call.refuse(Reasons.notAuthorized(call.actor, call.kind, "only a school selects from a co-build list"), List.of());
        }
        call.detail("school=" + school.get().code() + " selected=" + selected.size() + " of " + waiting.get().children().size());
        CoBuildList list = waiting.get();
        return coBuildDecision(call, school.get(), list, coBuildCount(list.unit(), school.get()), selected, null, list);
    }

    /**
     * The decision on a co-build list: the unit's registrations at the school that {@code inUse} counts are
     * the places of its quota taken, and the store commits only while that count holds.
     */
    private Judgement coBuildDecision(Call call, School school, CoBuildList list, CoBuildCount inUse, Set<ResidentId> selected,
                                      CoBuildList toWait, CoBuildList toEnd) {
        List<PolicyQuestion.CoBuildChild> facts = new ArrayList<>();
        List<Registration> superseded = new ArrayList<>();
        List<NewRegistration> created = new ArrayList<>();
        List<Registration> concerned = new ArrayList<>();
        boolean illegal = false;
        for (CoBuildList.Entry e : list.children()) {
            List<Registration> history = store.ofChild(e.child());
            boolean isSelected = selected.contains(e.child());
            facts.add(new PolicyQuestion.CoBuildChild(e.child(), isSelected, history));
            if (!isSelected) {
                continue;
            }
            Optional<Registration> active = history.stream().filter(Registration::isActive).findFirst();
            if (active.isPresent()) {
                concerned.add(active.get());
                Optional<Registration> withdrawn = active.get().take(Step.SUPERSEDE, call.at, "co-build selection");
                withdrawn.ifPresent(superseded::add);
                illegal |= withdrawn.isEmpty();
            }
            created.add(new NewRegistration(season.year(), e.child(), e.name(), e.household(), school.district(),
                    school.code(), Route.CO_BUILD, list.unit(), RegistrationState.PRE_ADMITTED, call.at));
        }
        PolicyQuestion.CoBuild coBuild = new PolicyQuestion.CoBuild(list.unit(),
                season.agreement(list.unit(), school.code()).orElse(null), quotaLeft(inUse),
                !selected.isEmpty(), facts);
        PolicyVerdict verdict = policies.judge(new PolicyQuestion(call.kind, call.actor, call.at, season, null, null,
                List.of(), school, store.placesTaken(school.code()), Set.of(), false, coBuild));
        if (!verdict.refuses() && illegal) {
            Registration stuck = concerned.stream().filter(r -> !r.state().allows(Step.SUPERSEDE)).findFirst().orElseThrow();
            return call.refuse(Reasons.illegalTransition(stuck, Step.SUPERSEDE, call.kind), concerned);
        }
        Map<String, Integer> plans = new HashMap<>(planOf(school));
        return call.afterPolicy(verdict, concerned,
                () -> new ChangeSet(superseded, created, plans, toWait, toEnd, inUse));
    }

    // ---- helpers ----

    /** The places of the unit's quota at the school still free: the agreement's quota (0 without one) less those in use. */
    private int quotaLeft(CoBuildCount inUse) {
        int quota = season.agreement(inUse.unit(), inUse.school()).map(a -> a.quota()).orElse(0);
        return quota - inUse.active();
    }

    /** The unit's registrations at the school that are not withdrawn, as the store holds them now. */
    private CoBuildCount coBuildCount(String unit, School school) {
        return CoBuildCount.of(unit, school.code(), store.ofSchool(school.code()));
    }

    private Reason householdProblem(String field, String household) {
        Household h = Household.of(household);
        return h.beijing() && !season.districts().contains(h.code()) ? Reasons.unknownDistrict(field, household) : null;
    }

    private Reason schoolProblem(String field, String code) {
        return season.school(code).isPresent() ? null : Reasons.unknownSchool(field, code);
    }

    private static Map<String, Integer> planOf(School school) {
        return Map.of(school.code(), school.plan());
    }

    private static List<Registration> inState(List<Registration> registrations, RegistrationState state) {
        return registrations.stream().filter(r -> r.state() == state)
                .sorted(Comparator.comparing(Registration::number)).toList();
    }

    private static String listHash(List<Registration> list) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Registration r : list) {
                sha.update(r.number().value().getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
    }

    /** One command being judged: who, what, when, and what has been found so far. */
    private final class Call {

        final Actor actor;
        final Command command;
        final CommandKind kind;
        final Instant at;
        final List<ResidentId> children = new ArrayList<>();
        List<Registration> history = List.of();
        Registration target;
        private String detail = "";

        Call(Actor actor, Command command, Instant at) {
            this.actor = actor;
            this.command = command;
            this.kind = command.kind();
            this.at = at;
        }

        /**
         * The first problem with the input, field by field in declaration order: a malformed value, or, for a
         * well-formed one, what the field names does not exist. A {@code child} field's registration is looked
         * up here and kept as the target.
         */
        Reason firstProblem(Map<String, Supplier<Reason>> existence) {
            Map<String, Reason> malformed = input.violations(command);
            for (String field : input.fields(command)) {
                Reason r = malformed.get(field);
                if (r != null) {
                    return r;
                }
                if (field.equals("child")) {
                    r = lookUpChild();
                } else if (existence.containsKey(field)) {
                    r = existence.get(field).get();
                }
                if (r != null) {
                    return r;
                }
            }
            return null;
        }

        private Reason lookUpChild() {
            String text = childText();
            if (text == null) {
                return null;
            }
            ResidentId child = ResidentId.of(text);
            children.add(child);
            history = store.ofChild(child);
            if (command instanceof Register) {
                return null;
            }
            if (history.isEmpty()) {
                return Reasons.unknownRegistration(child);
            }
            target = history.get(history.size() - 1);
            return null;
        }

        private String childText() {
            Method accessor = CHILD_ACCESSOR.get(command.getClass());
            if (accessor == null) {
                return null;
            }
            try {
                return (String) accessor.invoke(command);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read the child field of " + kind.text() + ".", e);
            }
        }

        ResidentId childOrNull(String text) {
            return ResidentId.isValid(text) ? ResidentId.of(text) : null;
        }

        List<Registration> concerned() {
            return target == null ? List.of() : List.of(target);
        }

        void detail(String text) {
            detail = text;
        }

        Reason guardianOnly() {
            return actor.kind() == ActorKind.GUARDIAN ? null
                    : Reasons.notAuthorized(actor, kind, "only a guardian does that");
        }

        Reason cityOnly() {
            return actor.kind() == ActorKind.CITY ? null
                    : Reasons.notAuthorized(actor, kind, "only the city commission creates student records");
        }

        Reason schoolOfTarget() {
            return actor.kind() == ActorKind.SCHOOL && actor.id().equals(target.school()) ? null
                    : Reasons.notAuthorized(actor, kind, "registration " + target.number() + " names school " + target.school());
        }

        Reason districtOfTarget() {
            return actor.kind() == ActorKind.DISTRICT && actor.id().equals(target.district()) ? null
                    : Reasons.notAuthorized(actor, kind, "registration " + target.number() + " is in district " + target.district());
        }

        Judgement refuse(Reason reason, List<Registration> concerned) {
            return Judgement.refused(reason, concerned, children, detail);
        }

        Judgement afterPolicy(PolicyVerdict verdict, List<Registration> concerned, Supplier<ChangeSet> changes) {
            if (verdict.refuses()) {
                List<Reason> refusals = verdict.reasons().stream().filter(r -> !r.code().isAdvice()).toList();
                return Judgement.refused(refusals, verdict.rulesFired(), concerned, children, detail);
            }
            return Judgement.accepted(changes.get(), verdict.reasons(), verdict.rulesFired(), concerned, children, detail);
        }
    }
}
