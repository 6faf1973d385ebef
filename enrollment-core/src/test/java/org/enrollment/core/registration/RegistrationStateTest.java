package org.enrollment.core.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.registration.RegistrationState.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, step) pair of the lifecycle against the table of DESIGN.md §4, written out here on its own:
 * allowed steps lead where the table says, all others are refused.
 */
class RegistrationStateTest {

    /** The lifecycle of DESIGN.md §4 and SCENARIOS.md, transcribed from the documents, not from the code. */
    private static final Map<RegistrationState, Map<Step, RegistrationState>> DESIGN = new EnumMap<>(RegistrationState.class);

    /** "release (district) withdraws any registration not yet APPROVED"; a co-build selection supersedes the same. */
    private static final Set<RegistrationState> NOT_YET_APPROVED = EnumSet.of(
            SUBMITTED, VERIFICATION_FAILED, VERIFIED, BOARDING_REJECTED, PRE_ADMITTED, UNDER_REVIEW);

    static {
        for (RegistrationState s : RegistrationState.values()) {
            DESIGN.put(s, new EnumMap<>(Step.class));
        }
        // SUBMITTED: verify pass/fail (school), amend and withdraw (guardian), boarding-decide (boarding school)
        DESIGN.get(SUBMITTED).put(Step.VERIFY_PASS, VERIFIED);
        DESIGN.get(SUBMITTED).put(Step.VERIFY_FAIL, VERIFICATION_FAILED);
        DESIGN.get(SUBMITTED).put(Step.AMEND, SUBMITTED);
        DESIGN.get(SUBMITTED).put(Step.WITHDRAW, WITHDRAWN);
        DESIGN.get(SUBMITTED).put(Step.BOARDING_ADMIT, PRE_ADMITTED);
        DESIGN.get(SUBMITTED).put(Step.BOARDING_REJECT, BOARDING_REJECTED);
        // VERIFICATION_FAILED: amend → SUBMITTED, withdraw
        DESIGN.get(VERIFICATION_FAILED).put(Step.AMEND, SUBMITTED);
        DESIGN.get(VERIFICATION_FAILED).put(Step.WITHDRAW, WITHDRAWN);
        // VERIFIED: tick
        DESIGN.get(VERIFIED).put(Step.TICK, PRE_ADMITTED);
        // BOARDING_REJECTED: withdraw, then re-register
        DESIGN.get(BOARDING_REJECTED).put(Step.WITHDRAW, WITHDRAWN);
        // PRE_ADMITTED: untick (back to VERIFIED), submit-list
        DESIGN.get(PRE_ADMITTED).put(Step.UNTICK, VERIFIED);
        DESIGN.get(PRE_ADMITTED).put(Step.SUBMIT, UNDER_REVIEW);
        // UNDER_REVIEW: approve; return goes back to VERIFIED
        DESIGN.get(UNDER_REVIEW).put(Step.APPROVE, APPROVED);
        DESIGN.get(UNDER_REVIEW).put(Step.RETURN, VERIFIED);
        // APPROVED: admit; ADMITTED: file; FILED and WITHDRAWN: final
        DESIGN.get(APPROVED).put(Step.ADMIT, ADMITTED);
        DESIGN.get(ADMITTED).put(Step.FILE, FILED);
        for (RegistrationState s : NOT_YET_APPROVED) {
            DESIGN.get(s).put(Step.RELEASE, WITHDRAWN);
            DESIGN.get(s).put(Step.SUPERSEDE, WITHDRAWN);
        }
    }

    static Stream<Arguments> everyStateAndStep() {
        List<Arguments> pairs = new ArrayList<>();
        for (RegistrationState s : RegistrationState.values()) {
            for (Step step : Step.values()) {
                pairs.add(Arguments.of(s, step, DESIGN.get(s).get(step)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("everyStateAndStep")
    void leadsWhereTheDesignSaysOrRefuses(RegistrationState from, Step step, RegistrationState expected) {
        if (expected == null) {
            assertThat(from.after(step)).isEmpty();
            assertThat(from.allows(step)).isFalse();
        } else {
            assertThat(from.after(step)).contains(expected);
            assertThat(from.allows(step)).isTrue();
        }
    }

    @Test
    void coversAllOneHundredAndFiftyPairsWithTwentyEightAllowed() {
        long allowed = DESIGN.values().stream().mapToLong(Map::size).sum();
        assertThat(everyStateAndStep().count()).isEqualTo(10L * 15L);
        assertThat(allowed).isEqualTo(28);
    }

    @Test
    void finalStatesAllowNothing() {
        for (Step step : Step.values()) {
            assertThat(FILED.allows(step)).as("FILED %s", step).isFalse();
            assertThat(WITHDRAWN.allows(step)).as("WITHDRAWN %s", step).isFalse();
        }
    }

    @Test
    void onlyWithdrawnFreesTheChild() {
        for (RegistrationState s : RegistrationState.values()) {
            assertThat(s.isActive()).as("%s", s).isEqualTo(s != WITHDRAWN);
        }
    }

    @Test
    void preAdmittedAndEveryLaterStateTakeAPlaceInThePlan() {
        Set<RegistrationState> taking = EnumSet.of(PRE_ADMITTED, UNDER_REVIEW, APPROVED, ADMITTED, FILED);
        for (RegistrationState s : RegistrationState.values()) {
            assertThat(s.occupiesPlace()).as("%s", s).isEqualTo(taking.contains(s));
        }
    }

    @Test
    void approvedAdmittedAndFiledAreApproved() {
        Set<RegistrationState> approved = EnumSet.of(APPROVED, ADMITTED, FILED);
        for (RegistrationState s : RegistrationState.values()) {
            assertThat(s.isApprovedOrLater()).as("%s", s).isEqualTo(approved.contains(s));
        }
    }
}
