package org.enrollment.rules;

import static org.enrollment.rules.Fixtures.AFTER_CLOSE;
import static org.enrollment.rules.Fixtures.AGREEMENT;
import static org.enrollment.rules.Fixtures.ANOTHER;
import static org.enrollment.rules.Fixtures.BOARDING_SCHOOL;
import static org.enrollment.rules.Fixtures.CLOSES;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.HEBEI;
import static org.enrollment.rules.Fixtures.OLDER;
import static org.enrollment.rules.Fixtures.OPENS;
import static org.enrollment.rules.Fixtures.SIX_DAY_AFTER_CUTOFF;
import static org.enrollment.rules.Fixtures.SEASON;
import static org.enrollment.rules.Fixtures.SIX_ON_CUTOFF;
import static org.enrollment.rules.Fixtures.TEN_DAY_AFTER_CUTOFF;
import static org.enrollment.rules.Fixtures.TEN_ON_CUTOFF;
import static org.enrollment.rules.Fixtures.registration;
import static org.enrollment.rules.VerdictAssert.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.Set;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.policy.PolicyVerdict;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.core.season.Season;
import org.enrollment.rules.Ask.Listed;
import org.junit.jupiter.api.Test;

/** eligibility.drl and its document table: the online window, the age cut-off, the documents to verify. */
class EligibilityPolicyTest {

    private static final Set<Document> BEIJING_SET = EnumSet.of(Document.HUKOU, Document.BIRTH, Document.HOME);
    private static final Set<Document> FIVE_CERTIFICATES = EnumSet.of(Document.WORK, Document.RESIDENCE, Document.HUKOU,
            Document.TEMP_RESIDENCE, Document.NO_GUARDIAN_HOME);

    @Test
    @RuleTest("Online window")
    void onlineWindowRefusesGuardiansOutsideTheWindowOpensInclusiveClosesExclusive() {
        String rule = "Online window";
        Registration submitted = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).at(AFTER_CLOSE).judge()).fires(rule, ReasonCode.WINDOW_NOT_OPEN);
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).at(OPENS.minusSeconds(1)).judge()).fires(rule, ReasonCode.WINDOW_NOT_OPEN);
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).at(CLOSES).judge()).fires(rule, ReasonCode.WINDOW_NOT_OPEN);
        assertThat(Ask.amend(submitted, DAY_SCHOOL).at(AFTER_CLOSE).judge()).fires(rule, ReasonCode.WINDOW_NOT_OPEN);
        assertThat(Ask.withdraw(submitted).at(AFTER_CLOSE).judge()).fires(rule, ReasonCode.WINDOW_NOT_OPEN);

        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).at(OPENS).judge()).doesNotFire(rule).accepts();
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).at(CLOSES.minusSeconds(1)).judge()).doesNotFire(rule);
        Registration verified = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.VERIFY_PASS);
        assertThat(Ask.step(CommandKind.TICK, Actor.school(DAY_SCHOOL.code()), verified).at(AFTER_CLOSE).judge()).doesNotFire(rule);
        assertThat(Ask.step(CommandKind.RELEASE, Actor.district(HAIDIAN), submitted).at(AFTER_CLOSE).judge()).doesNotFire(rule);
    }

    @Test
    @RuleTest("Age cut-off")
    void ageCutOffRefusesAChildNotSixByThirtyFirstAugust() {
        String rule = "Age cut-off";
        assertThat(Ask.register(SIX_DAY_AFTER_CUTOFF, HAIDIAN, DAY_SCHOOL).judge()).fires(rule, ReasonCode.AGE_NOT_ELIGIBLE);
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 1, Listed.listed(OLDER), Listed.listed(SIX_DAY_AFTER_CUTOFF)).judge())
                .fires(rule, ReasonCode.AGE_NOT_ELIGIBLE);

        assertThat(Ask.register(SIX_ON_CUTOFF, HAIDIAN, DAY_SCHOOL).judge()).doesNotFire(rule).accepts();
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 2, Listed.listed(OLDER), Listed.listed(SIX_ON_CUTOFF)).judge())
                .doesNotFire(rule);
        assertThat(Ask.coBuildSelect(2, Listed.selected(SIX_DAY_AFTER_CUTOFF), Listed.leftOut(OLDER)).judge()).doesNotFire(rule);
        Registration young = registration(SIX_DAY_AFTER_CUTOFF, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.amend(young, DAY_SCHOOL).judge()).doesNotFire(rule);
    }

    @Test
    void ageCutOffIsTheSeasonsAndItsMessageNamesTheDay() {
        Season firstOfSeptember = Season.builder(2014).window(OPENS, CLOSES).schools(SEASON.schools())
                .agreements(SEASON.agreements()).ageCutoff(MonthDay.of(9, 1)).build();

        PolicyVerdict verdict = Ask.register(SIX_DAY_AFTER_CUTOFF, HAIDIAN, DAY_SCHOOL).in(firstOfSeptember).judge();
        PolicyVerdict refused = Ask.register(SIX_DAY_AFTER_CUTOFF, HAIDIAN, DAY_SCHOOL).judge();

        assertThat(verdict).doesNotFire("Age cut-off").accepts();
        org.assertj.core.api.Assertions.assertThat(refused.reasons()).singleElement().satisfies(r -> {
            org.assertj.core.api.Assertions.assertThat(r.messageZh()).isEqualTo("儿童在2014年8月31日前未满6周岁。");
            org.assertj.core.api.Assertions.assertThat(r.messageEn()).isEqualTo("The child is not 6 by 31 August 2014.");
        });
        Season june = Season.builder(2014).window(OPENS, CLOSES).schools(SEASON.schools()).ageCutoff(MonthDay.of(6, 30)).build();
        PolicyVerdict inJune = Ask.register(SIX_ON_CUTOFF, HAIDIAN, DAY_SCHOOL).in(june).judge();
        org.assertj.core.api.Assertions.assertThat(inJune.reasons()).extracting(r -> r.messageZh())
                .containsExactly("儿童在2014年6月30日前未满6周岁。");
    }

    @Test
    @RuleTest("Age upper bound")
    void ageUpperBoundRefusesAChildOlderThanNineOnTheCutoffDay() {
        String rule = "Age upper bound";
        assertThat(Ask.register(TEN_ON_CUTOFF, HAIDIAN, DAY_SCHOOL).judge()).fires(rule, ReasonCode.AGE_NOT_ELIGIBLE);
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 1, Listed.listed(OLDER), Listed.listed(TEN_ON_CUTOFF)).judge())
                .fires(rule, ReasonCode.AGE_NOT_ELIGIBLE);
        assertThat(Ask.register(ResidentId.compose(HAIDIAN, LocalDate.of(1990, 3, 7), 79), HAIDIAN, DAY_SCHOOL).judge())
                .fires(rule, ReasonCode.AGE_NOT_ELIGIBLE);

        assertThat(Ask.register(TEN_DAY_AFTER_CUTOFF, HAIDIAN, DAY_SCHOOL).judge()).doesNotFire(rule).accepts();
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).judge()).doesNotFire(rule);
        assertThat(Ask.amend(registration(TEN_ON_CUTOFF, HAIDIAN, DAY_SCHOOL, Route.ONLINE), DAY_SCHOOL).judge()).doesNotFire(rule);
        Season eleven = Season.builder(2014).window(OPENS, CLOSES).schools(SEASON.schools()).maximumAge(10).build();
        assertThat(Ask.register(TEN_ON_CUTOFF, HAIDIAN, DAY_SCHOOL).in(eleven).judge()).doesNotFire(rule).accepts();
        org.assertj.core.api.Assertions.assertThat(Ask.register(TEN_ON_CUTOFF, HAIDIAN, DAY_SCHOOL).judge().reasons())
                .extracting(r -> r.messageZh()).containsExactly("儿童在2014年8月31日已超过9周岁，超出一年级入学年龄上限。");
    }

    @Test
    @RuleTest("Documents required")
    void documentsRequiredRefusesAPassWithoutEveryRequiredDocument() {
        String rule = "Documents required";
        Registration beijing = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        Registration elsewhere = registration(ANOTHER, HEBEI, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.verify(beijing, true, Document.HUKOU, Document.BIRTH).judge()).fires(rule, ReasonCode.DOCUMENTS_MISSING);
        assertThat(Ask.verify(beijing, true).judge()).fires(rule, ReasonCode.DOCUMENTS_MISSING);
        assertThat(Ask.verify(elsewhere, true, BEIJING_SET.toArray(Document[]::new)).judge()).fires(rule, ReasonCode.DOCUMENTS_MISSING);

        assertThat(Ask.verify(beijing, true, BEIJING_SET.toArray(Document[]::new)).judge()).doesNotFire(rule).accepts();
        assertThat(Ask.verify(beijing, true, Document.values()).judge()).doesNotFire(rule);
        assertThat(Ask.verify(elsewhere, true, FIVE_CERTIFICATES.toArray(Document[]::new)).judge()).doesNotFire(rule);
        assertThat(Ask.verify(beijing, false).judge()).doesNotFire(rule).accepts();
    }

    @Test
    @RuleTest("Documents for 京籍 children")
    void documentsForBeijingChildrenAreHukouBirthAndHome() {
        String rule = "Documents for 京籍 children";
        Registration beijing = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.verify(beijing, true).judge()).fires(rule);
        assertEachDocumentOfTheSetIsNeeded(beijing, BEIJING_SET);

        Registration elsewhere = registration(ANOTHER, HEBEI, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.verify(elsewhere, true).judge()).doesNotFire(rule);
        assertThat(Ask.verify(beijing, false).judge()).doesNotFire(rule);
        assertThat(Ask.step(CommandKind.TICK, Actor.school(DAY_SCHOOL.code()), beijing).judge()).doesNotFire(rule);
    }

    @Test
    @RuleTest("Documents for 非京籍 children")
    void documentsForNonBeijingChildrenAreTheFiveCertificates() {
        String rule = "Documents for 非京籍 children";
        Registration elsewhere = registration(ANOTHER, HEBEI, BOARDING_SCHOOL, Route.BOARDING);
        assertThat(Ask.verify(elsewhere, true).judge()).fires(rule);
        assertEachDocumentOfTheSetIsNeeded(elsewhere, FIVE_CERTIFICATES);

        Registration beijing = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.verify(beijing, true).judge()).doesNotFire(rule);
        assertThat(Ask.verify(elsewhere, false).judge()).doesNotFire(rule);
        assertThat(Ask.boardingDecide(elsewhere, true).judge()).doesNotFire(rule);
    }

    /** A pass with the whole set is accepted; leaving out any one of its documents is refused. */
    private static void assertEachDocumentOfTheSetIsNeeded(Registration target, Set<Document> set) {
        assertThat(Ask.verify(target, true, set.toArray(Document[]::new)).judge()).doesNotFire("Documents required");
        for (Document left : set) {
            EnumSet<Document> shown = EnumSet.copyOf(set);
            shown.remove(left);
            assertThat(Ask.verify(target, true, shown.toArray(Document[]::new)).judge())
                    .as("a pass without %s", left).fires("Documents required", ReasonCode.DOCUMENTS_MISSING);
        }
    }
}
