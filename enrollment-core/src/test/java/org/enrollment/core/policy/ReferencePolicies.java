package org.enrollment.core.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.registration.BoardingDecision;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.VerificationResult;
import org.enrollment.core.season.Season;

/**
 * The policies of DESIGN.md §5 written by hand in plain Java: the reference the Drools rules are checked
 * against (differential tests) and the baseline they are measured against (benchmarks). Each method is
 * one rule, named as the DRL names it.
 */
public final class ReferencePolicies implements PolicyEngine {

    /** Documents a 京籍 child shows. */
    public static final Set<Document> BEIJING_DOCUMENTS = EnumSet.of(Document.HUKOU, Document.BIRTH, Document.HOME);
    /** The five certificates (五证) a 非京籍 child shows. */
    public static final Set<Document> NON_BEIJING_DOCUMENTS = EnumSet.of(Document.WORK, Document.RESIDENCE,
            Document.HUKOU, Document.TEMP_RESIDENCE, Document.NO_GUARDIAN_HOME);

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("y年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM y", Locale.ENGLISH);

    @Override
    public PolicyVerdict judge(PolicyQuestion q) {
        Verdict v = new Verdict();
        onlineWindow(q, v);
        ageCutoff(q, v);
        ageUpperBound(q, v);
        documentsRequired(q, v);
        oneActiveRegistrationPerChild(q, v);
        schoolInRegistrationDistrict(q, v);
        boardingNeedsBoardingSchool(q, v);
        reregisterInHouseholdDistrict(q, v);
        placeInPlan(q, v);
        coBuildAgreementNeeded(q, v);
        coBuildSelectionWithinQuota(q, v);
        coBuildSelectedChildNotYetApproved(q, v);
        coBuildOneRegistrationPerChild(q, v);
        coBuildSelectionNeedsPlaces(q, v);
        coBuildSelectionSupersedesFallback(q, v);
        coBuildAdviseOnlineRegistration(q, v);
        return new PolicyVerdict(v.reasons, v.fired);
    }

    /** eligibility: guardians register, amend and withdraw only while the window is open. */
    static void onlineWindow(PolicyQuestion q, Verdict v) {
        boolean guardianTimed = q.kind() == CommandKind.REGISTER || q.kind() == CommandKind.AMEND
                || q.kind() == CommandKind.WITHDRAW && q.target().orElseThrow().state() != RegistrationState.BOARDING_REJECTED;
        if (guardianTimed && !q.season().isWindowOpen(q.at()) && !withinBoardingGrace(q)) {
            v.fire("Online window", ReasonCode.WINDOW_NOT_OPEN, "网上登记窗口未开放。", "The online window is not open.");
        }
    }

    /** boarding-withdrawal: the grace period after a boarding rejection covers the child's next register. */
    static boolean withinBoardingGrace(PolicyQuestion q) {
        if (q.kind() != CommandKind.REGISTER) {
            return false;
        }
        Optional<Instant> rejected = rejectedThenWithdrawn(q.childHistory());
        if (rejected.isEmpty()) {
            return false;
        }
        Instant from = rejected.get().isAfter(q.season().closes()) ? rejected.get() : q.season().closes();
        return !q.at().isBefore(q.season().opens()) && q.at().isBefore(from.plus(q.season().boardingGrace()));
    }

    /** When the child's latest registration was rejected by a boarding school, if it was, and is withdrawn. */
    static Optional<Instant> rejectedThenWithdrawn(List<Registration> history) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Registration last = history.get(history.size() - 1);
        return last.state() == RegistrationState.WITHDRAWN ? last.lastEntered(RegistrationState.BOARDING_REJECTED) : Optional.empty();
    }

    /** eligibility: a child must be six by the season's cut-off day (registering, or on a co-build list). */
    static void ageCutoff(PolicyQuestion q, Verdict v) {
        LocalDate cutoff = q.season().ageCutoff();
        if (anyChild(q, c -> !c.isAtLeastYearsOldOn(Season.SCHOOL_AGE, cutoff))) {
            v.fire("Age cut-off", ReasonCode.AGE_NOT_ELIGIBLE, "儿童在" + ZH.format(cutoff) + "前未满6周岁。",
                    "The child is not 6 by " + EN.format(cutoff) + ".");
        }
    }

    /** eligibility: a child older than the season's upper age bound on the cut-off day is too old. */
    static void ageUpperBound(PolicyQuestion q, Verdict v) {
        LocalDate cutoff = q.season().ageCutoff();
        int maximum = q.season().maximumAge();
        if (anyChild(q, c -> c.isAtLeastYearsOldOn(maximum + 1, cutoff))) {
            v.fire("Age upper bound", ReasonCode.AGE_NOT_ELIGIBLE,
                    "儿童在" + ZH.format(cutoff) + "已超过" + maximum + "周岁，超出一年级入学年龄上限。",
                    "The child is older than " + maximum + " on " + EN.format(cutoff) + ", too old for first grade.");
        }
    }

    /** Whether the child registering, or any child on a co-build list, is so. */
    private static boolean anyChild(PolicyQuestion q, Predicate<ResidentId> test) {
        if (q.kind() == CommandKind.REGISTER) {
            return test.test(q.proposed().orElseThrow().child());
        }
        return q.kind() == CommandKind.COBUILD_LIST
                && q.coBuild().orElseThrow().candidates().stream().anyMatch(c -> test.test(c.child()));
    }

    /** eligibility: a pass needs every document the decision table asks of the child's household. */
    static void documentsRequired(PolicyQuestion q, Verdict v) {
        if (!q.verification().equals(Optional.of(VerificationResult.PASS))) {
            return;
        }
        Set<Document> required = q.target().orElseThrow().household().beijing() ? BEIJING_DOCUMENTS : NON_BEIJING_DOCUMENTS;
        if (!q.documents().containsAll(required)) {
            v.fire("Documents required", ReasonCode.DOCUMENTS_MISSING, "审核通过所需的材料不全。",
                    "A document the policy requires for a pass is missing.");
        }
    }

    /** district-uniqueness: one registration that is not WITHDRAWN per child, city-wide. */
    static void oneActiveRegistrationPerChild(PolicyQuestion q, Verdict v) {
        if (q.kind() == CommandKind.REGISTER && q.childHistory().stream().anyMatch(Registration::isActive)) {
            v.fire("One active registration per child", ReasonCode.DUPLICATE_REGISTRATION,
                    "该儿童已有有效登记，不能重复登记。", "The child already holds a registration that is not withdrawn.");
        }
    }

    /** district-uniqueness: a registration names a school of its own district (cross-district: register there). */
    static void schoolInRegistrationDistrict(PolicyQuestion q, Verdict v) {
        if ((q.kind() == CommandKind.REGISTER || q.kind() == CommandKind.AMEND)
                && !q.school().district().equals(q.proposed().orElseThrow().district())) {
            v.fire("School in the registration's district", ReasonCode.SCHOOL_NOT_IN_DISTRICT,
                    "所选学校不在登记所在区，请到学校所在区登记。", "The school is not in the district of the registration; register in the school's district.");
        }
    }

    /** boarding-withdrawal: a BOARDING registration names a boarding school. */
    static void boardingNeedsBoardingSchool(PolicyQuestion q, Verdict v) {
        if ((q.kind() == CommandKind.REGISTER || q.kind() == CommandKind.AMEND)
                && q.proposed().orElseThrow().route() == Route.BOARDING && !q.school().boarding()) {
            v.fire("Boarding needs a boarding school", ReasonCode.NOT_A_BOARDING_SCHOOL,
                    "所选学校不是寄宿学校。", "The school is not a boarding school.");
        }
    }

    /** boarding-withdrawal: after a boarding rejection a 京籍 child re-registers in the household district. */
    static void reregisterInHouseholdDistrict(PolicyQuestion q, Verdict v) {
        if (q.kind() != CommandKind.REGISTER || rejectedThenWithdrawn(q.childHistory()).isEmpty()) {
            return;
        }
        NewRegistration p = q.proposed().orElseThrow();
        if (p.household().beijing() && !p.household().code().equals(p.district())) {
            v.fire("Re-register in the household district", ReasonCode.REREGISTRATION_NOT_IN_HOUSEHOLD_DISTRICT,
                    "寄宿学校未录取后，京籍儿童须在户籍所在区重新登记。",
                    "After a boarding rejection a Beijing-registered child re-registers in the household district.");
        }
    }

    /** school-plan: a tick or a boarding admission needs a place left in the school's plan. */
    static void placeInPlan(PolicyQuestion q, Verdict v) {
        boolean takesPlace = q.kind() == CommandKind.TICK || q.boardingDecision().equals(Optional.of(BoardingDecision.ADMIT));
        if (takesPlace && q.placesTaken() >= q.school().plan()) {
            v.fire("A place in the plan", ReasonCode.PLAN_FULL, "学校招生计划已满。", "The school's plan is full.");
        }
    }

    /** co-build-exemption: a list needs the unit's agreement with the school this season. */
    static void coBuildAgreementNeeded(PolicyQuestion q, Verdict v) {
        if (q.kind() == CommandKind.COBUILD_LIST && q.coBuild().orElseThrow().agreement().isEmpty()) {
            v.fire("Agreement needed", ReasonCode.COBUILD_NO_AGREEMENT, "共建单位与该校本年度无有效共建协议。",
                    "The co-build unit has no agreement with the school this season.");
        }
    }

    /** co-build-exemption: a selection takes no more children than the unit's quota left. */
    static void coBuildSelectionWithinQuota(PolicyQuestion q, Verdict v) {
        if (q.kind() == CommandKind.COBUILD_SELECT && q.coBuild().orElseThrow().selectedCount() > q.coBuild().orElseThrow().quotaLeft()) {
            v.fire("Selection within the quota", ReasonCode.COBUILD_OVER_QUOTA, "选择人数超过共建名额。",
                    "The selection is larger than the unit's quota left.");
        }
    }

    /** co-build-exemption: a selected child's registration must not be APPROVED or later. */
    static void coBuildSelectedChildNotYetApproved(PolicyQuestion q, Verdict v) {
        if (selectedActive(q).stream().anyMatch(r -> r.state().isApprovedOrLater())) {
            v.fire("Selected child not yet approved", ReasonCode.ALREADY_APPROVED, "所选儿童的登记已获区审批。",
                    "A selected child's registration is already approved.");
        }
    }

    /** co-build-exemption: a child holds one co-build registration at most. */
    static void coBuildOneRegistrationPerChild(PolicyQuestion q, Verdict v) {
        if (selectedActive(q).stream().anyMatch(r -> r.route() == Route.CO_BUILD)) {
            v.fire("One co-build registration per child", ReasonCode.DUPLICATE_REGISTRATION, "所选儿童已有共建登记。",
                    "A selected child already holds a co-build registration.");
        }
    }

    /** co-build-exemption: the selected children need places in the plan (their own places there are freed). */
    static void coBuildSelectionNeedsPlaces(PolicyQuestion q, Verdict v) {
        if (!selectsNow(q)) {
            return;
        }
        long freed = selectedActive(q).stream()
                .filter(r -> r.school().equals(q.school().code()) && r.state().occupiesPlace()).count();
        if (q.placesTaken() - freed + q.coBuild().orElseThrow().selectedCount() > q.school().plan()) {
            v.fire("Selection needs places in the plan", ReasonCode.PLAN_FULL, "学校招生计划名额不足。",
                    "The school's plan has too few places left for the selection.");
        }
    }

    /** co-build-exemption: a selection withdraws the selected child's other (fallback) registration. */
    static void coBuildSelectionSupersedesFallback(PolicyQuestion q, Verdict v) {
        if (!selectedActive(q).isEmpty()) {
            v.fire("Selection supersedes the fallback", ReasonCode.SUPERSEDED_ONLINE_REGISTRATION,
                    "共建录取后，该儿童的网上登记已撤销。", "The co-build selection withdrew the child's other registration.");
        }
    }

    /** co-build-exemption: a child left waiting or not selected, with no registration, is advised to register online. */
    static void coBuildAdviseOnlineRegistration(PolicyQuestion q, Verdict v) {
        if (q.coBuild().isEmpty() || q.kind() == CommandKind.COBUILD_LIST && q.coBuild().get().selectedNow()) {
            return;
        }
        boolean someoneWithout = q.coBuild().get().candidates().stream()
                .anyMatch(c -> !c.selected() && c.active().isEmpty());
        if (someoneWithout) {
            v.fire("Advise online registration", ReasonCode.ADVICE_REGISTER_ONLINE, "建议未被选中的儿童同时在网上登记。",
                    "Children not selected who hold no registration should register online as a fallback.");
        }
    }

    private static boolean selectsNow(PolicyQuestion q) {
        return q.coBuild().map(PolicyQuestion.CoBuild::selectedNow).orElse(false);
    }

    private static List<Registration> selectedActive(PolicyQuestion q) {
        if (!selectsNow(q)) {
            return List.of();
        }
        return q.coBuild().orElseThrow().candidates().stream().filter(PolicyQuestion.Candidate::selected)
                .flatMap(c -> c.active().stream()).toList();
    }

    /** The reasons and fired rules collected while judging. */
    static final class Verdict {
        final List<Reason> reasons = new ArrayList<>();
        final List<String> fired = new ArrayList<>();

        /** The rule fired with this reason: a refusal or, for an advice code, advice. */
        void fire(String rule, ReasonCode code, String zh, String en) {
            fired.add(rule);
            reasons.add(new Reason(code, rule, zh, en));
        }
    }
}
