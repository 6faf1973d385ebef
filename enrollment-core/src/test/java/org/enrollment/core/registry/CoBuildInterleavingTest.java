package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.command.ReasonCode.ADVICE_REGISTER_ONLINE;
import static org.enrollment.core.command.ReasonCode.SUPERSEDED_ONLINE_REGISTRATION;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Register;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.store.ChangeSet;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.core.store.RegistrationStore;
import org.junit.jupiter.api.Test;

/**
 * A co-build list overtaken between its judgement and its commit ends as if the two commands had come one
 * after the other: another command is slipped in just before the list's first commit, and the list is judged
 * again on what the store holds then, never refused on what it read before.
 */
class CoBuildInterleavingTest {

    private static final String HAIDIAN = ScenarioSeason.HAIDIAN;

    private final String a = ChildIds.eligible(HAIDIAN, 1);
    private final String b = ChildIds.eligible(HAIDIAN, 2);
    private final String c = ChildIds.eligible(HAIDIAN, 3);
    /** U-ACAD may send 2 children to HD002, whose plan is 2. */
    private final Meanwhile store = new Meanwhile(new InMemoryRegistrationStore());
    private final Registry registry = Registry.builder(ScenarioSeason.with(0, List.of(new CoBuildAgreement("U-ACAD", "HD002", 2))),
            new ReferencePolicies()).store(store.store).clock(MutableClock.at("2014-05-10T09:00:00+08:00")).build();

    @Test
    void aListJudgedWithinTheQuotaThatAnotherListFilledMeanwhileWaitsInsteadOfFindingThePlanFull() {
        store.beforeTheNextCoBuildCommit(() -> assertThat(registry.handle("COBUILD:U-ACAD", list(a, c)).registrations()).hasSize(2));

        Decision late = registry.handle("COBUILD:U-ACAD", list(b));

        assertThat(late.isAccepted()).as("%s", late.reasons()).isTrue();
        assertThat(late.reasonCodes()).containsExactly(ADVICE_REGISTER_ONLINE);
        assertThat(registry.store().waitingList("HD002")).hasValueSatisfying(w -> assertThat(w.names(ResidentId.of(b))).isTrue());
        assertThat(registry.registrationsOf(ResidentId.of(b))).isEmpty();
        assertThat(registry.store().placesTaken("HD002")).isEqualTo(2);
        assertThat(registry.audit().verify().intact()).isTrue();
    }

    @Test
    void aListNamingAChildRegisteredOnlineMeanwhileSupersedesThatRegistration() {
        store.beforeTheNextCoBuildCommit(() -> assertThat(registry.handle("GUARDIAN",
                new Register(a, "王小明", HAIDIAN, "110102", "XC001", null)).isAccepted()).isTrue());

        Decision listed = registry.handle("COBUILD:U-ACAD", list(a));

        assertThat(listed.isAccepted()).as("%s", listed.reasons()).isTrue();
        assertThat(listed.reasonCodes()).containsExactly(SUPERSEDED_ONLINE_REGISTRATION);
        List<Registration> all = registry.registrationsOf(ResidentId.of(a));
        assertThat(all).extracting(Registration::route).containsExactly(Route.ONLINE, Route.CO_BUILD);
        assertThat(all).extracting(Registration::state).containsExactly(RegistrationState.WITHDRAWN, RegistrationState.PRE_ADMITTED);
        assertThat(registry.audit().verify().intact()).isTrue();
    }

    private static CoBuildListing list(String... children) {
        return new CoBuildListing("HD002", Arrays.stream(children).map(id -> new ListedChildText(id, "共建", HAIDIAN)).toList());
    }

    /** The in-memory store, with one command slipped in just before the next commit of a co-build change. */
    private static final class Meanwhile {

        private final RegistrationStore store;
        private final AtomicReference<Runnable> meanwhile = new AtomicReference<>();

        Meanwhile(RegistrationStore inner) {
            this.store = (RegistrationStore) Proxy.newProxyInstance(RegistrationStore.class.getClassLoader(),
                    new Class<?>[] {RegistrationStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("commit") && ((ChangeSet) args[0]).coBuildCount() != null) {
                            Runnable action = meanwhile.getAndSet(null);
                            if (action != null) {
                                action.run();
                            }
                        }
                        try {
                            return method.invoke(inner, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        void beforeTheNextCoBuildCommit(Runnable action) {
            meanwhile.set(action);
        }
    }
}
