package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import org.enrollment.core.fixture.PermissivePolicies;
import org.enrollment.core.fixture.StoreSnapshot;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.SeasonChains.World;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.core.store.StoreCheck;

/**
 * State from the log: after a random season ({@link SeasonChains}), the store checks out against the replay
 * of its log, and a store resumed from the log alone holds exactly what the store held (registrations, places
 * taken, waiting co-build lists).
 */
class JournalReplayProperties {

    private static final SeasonChains.Tally TALLY = new SeasonChains.Tally();

    @Property(tries = 100)
    void aStoreResumedFromItsLogHoldsExactlyWhatTheStoreHeld(@ForAll("seasons") ActionChain<World> chain) {
        Registry registry = SeasonChains.withInvariants(chain).run().registry();

        StoreCheck check = registry.checkAgainstLog();
        assertThat(check.differences()).isEmpty();
        assertThat(check.replayProblems()).isEmpty();
        InMemoryRegistrationStore resumed = InMemoryRegistrationStore.resumed(registry.audit(), SeasonChains.CHILD_KEY);
        Registry again = Registry.builder(registry.season(), new PermissivePolicies()).store(resumed)
                .childKey(SeasonChains.CHILD_KEY).build();
        assertThat(StoreSnapshot.of(again)).isEqualTo(StoreSnapshot.of(registry));
    }

    @Provide
    Arbitrary<ActionChain<World>> seasons() {
        return SeasonChains.chains(ReferencePolicies::new, InMemoryRegistrationStore::new, TALLY, 40);
    }
}
