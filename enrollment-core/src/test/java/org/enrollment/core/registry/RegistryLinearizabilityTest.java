package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.core.store.RegistrationStore;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * Lincheck runs many short random scenarios of registers, withdrawals and look-ups of three children, from
 * three threads at once, and checks that the results are linearizable: that some sequential order of the same
 * operations, keeping their real-time order, gives every one of them. After each run it validates the store:
 * at most one active registration per child, and every number issued once. The registry over the in-memory
 * store passes; over a store that checks uniqueness and then acts without a lock, the same check fails, which
 * shows it can.
 *
 * <p>Lincheck 3's stress strategy (real threads, 30 scenarios of 1,000 runs each), not its model checker: on
 * Java 17 the model checker's snapshots of the registry reach into the JDK's own classes (it stops at
 * {@code java.util.regex}, which the module system keeps closed) and took half a minute for ten scenarios;
 * with Lincheck 2.39 it could not instrument the season's records nor Hibernate Validator.
 */
class RegistryLinearizabilityTest {

    @Test
    void registersWithdrawalsAndLookUpsAreLinearizableOnTheInMemoryStore() {
        options().check(OnTheInMemoryStore.class);
    }

    @Test
    void theCheckCatchesAStoreThatChecksUniquenessThenActsWithoutALock() {
        assertThatThrownBy(() -> options().check(OnACheckThenActStore.class))
                .isInstanceOf(LincheckAssertionError.class)
                .hasMessageContaining("register(")
                .hasMessageContaining("ACCEPTED");
    }

    private static StressOptions options() {
        return new StressOptions().iterations(30).invocationsPerIteration(1_000).threads(3).actorsPerThread(2)
                .actorsBefore(1).actorsAfter(1).minimizeFailedScenario(false);
    }

    /**
     * The operations Lincheck calls, on a registry over the store a subclass gives. A result is the decision's
     * outcome and reason codes (and, for a look-up, the school the child's active registration names), so
     * that a sequential run gives the same text; numbers are checked apart from the results, for they may
     * leave gaps and need not follow the order of the commits.
     */
    @Param(name = "child", gen = IntGen.class, conf = "1:3")
    @Param(name = "school", gen = IntGen.class, conf = "0:1")
    public abstract static class RegistryOperations {

        private static final String HAIDIAN = ScenarioSeason.HAIDIAN;
        private static final List<String> SCHOOLS = List.of("HD001", "XC001");
        private static final Map<String, String> DISTRICT = Map.of("HD001", ScenarioSeason.HAIDIAN, "XC001", ScenarioSeason.XICHENG);

        private final Registry registry;

        RegistryOperations(RegistrationStore store) {
            this.registry = Registry.builder(ScenarioSeason.plain(), new ReferencePolicies()).store(store)
                    .clock(MutableClock.at("2014-05-10T09:00:00+08:00")).childKey(new byte[16]).build();
        }

        /** A guardian registers the child online at one of two schools in two districts. */
        @Operation
        public String register(@Param(name = "child") int child, @Param(name = "school") int school) {
            String code = SCHOOLS.get(school);
            return shown(registry.handle("GUARDIAN", new Register(child(child), "并发", HAIDIAN, DISTRICT.get(code), code, null)));
        }

        /** The guardian withdraws the child's registration. */
        @Operation
        public String withdraw(@Param(name = "child") int child) {
            return shown(registry.handle("GUARDIAN", new Withdraw(child(child))));
        }

        /** The school of the child's active registration, or none. */
        @Operation
        public String activeSchool(@Param(name = "child") int child) {
            return registry.registrationOf(ResidentId.of(child(child))).filter(Registration::isActive)
                    .map(Registration::school).orElse("none");
        }

        /**
         * After every run: the numbers the accepted registrations were given (their audit entries' targets) are
         * distinct, one registration is stored for each, and no child holds two active registrations.
         */
        @Validate
        public void numbersDistinctAndOneActivePerChild() {
            List<Registration> all = new ArrayList<>();
            registry.store().forEach(all::add);
            List<String> issued = registry.audit().entries(0, registry.audit().head().count()).stream().map(AuditEntry::body)
                    .filter(body -> body.contains("\"command\":\"register\"") && body.contains("\"outcome\":\"ACCEPTED\""))
                    .map(body -> body.replaceAll(".*\"targets\":\\[\"([^\"]+)\"].*", "$1")).toList();
            if (new HashSet<>(issued).size() != issued.size() || all.size() != issued.size()) {
                throw new IllegalStateException(issued.size() + " registrations accepted with numbers " + issued + ", "
                        + all.size() + " stored");
            }
            Map<ResidentId, Long> active = all.stream().filter(Registration::isActive)
                    .collect(Collectors.groupingBy(Registration::child, Collectors.counting()));
            if (active.values().stream().anyMatch(n -> n > 1)) {
                throw new IllegalStateException("a child holds two active registrations: " + all);
            }
        }

        private static String child(int n) {
            return ChildIds.eligible(HAIDIAN, n);
        }

        private static String shown(Decision d) {
            return d.outcome() + " " + d.reasonCodes();
        }
    }

    /** The registry over the in-memory store. */
    public static class OnTheInMemoryStore extends RegistryOperations {

        /** A fresh registry. */
        public OnTheInMemoryStore() {
            super(new InMemoryRegistrationStore());
        }
    }

    /** The registry over the racy store. */
    public static class OnACheckThenActStore extends RegistryOperations {

        /** A fresh registry. */
        public OnACheckThenActStore() {
            super(new CheckThenActStore());
        }
    }
}
