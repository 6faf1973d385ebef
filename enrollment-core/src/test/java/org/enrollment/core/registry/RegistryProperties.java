package org.enrollment.core.registry;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.ActionChain;
import org.enrollment.core.fixture.PermissivePolicies;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.SeasonChains.World;
import org.enrollment.core.store.InMemoryRegistrationStore;

/**
 * Random seasons ({@link SeasonChains}) on the in-memory store: after every command the invariants of
 * DESIGN.md §4 hold, a refused command changed nothing and an accepted one moved exactly the registrations
 * it names. Run with the reference policies, and with a double that accepts everything, so that the
 * registry and store alone must keep what they guarantee.
 */
class RegistryProperties {

    private static final int COMMANDS = 50;
    private static final SeasonChains.Tally TALLY = new SeasonChains.Tally();

    @Property(tries = 1000)
    void invariantsHoldAfterEveryCommandUnderTheReferencePolicies(@ForAll("seasonsUnderReferencePolicies") ActionChain<World> chain) {
        SeasonChains.withInvariants(chain).run().tallyTheEnd();
    }

    @Property(tries = 1000)
    void registryAndStoreKeepTheirGuaranteesWhenThePoliciesAcceptEverything(
            @ForAll("seasonsUnderPermissivePolicies") ActionChain<World> chain) {
        SeasonChains.withInvariants(chain).run().tallyTheEnd();
    }

    @AfterContainer
    static void printWhatWasTried() {
        System.out.print(TALLY.report("registry properties on the in-memory store, commands given"));
    }

    @Provide
    Arbitrary<ActionChain<World>> seasonsUnderReferencePolicies() {
        return SeasonChains.chains(ReferencePolicies::new, InMemoryRegistrationStore::new, TALLY, COMMANDS);
    }

    @Provide
    Arbitrary<ActionChain<World>> seasonsUnderPermissivePolicies() {
        return SeasonChains.chains(PermissivePolicies::new, InMemoryRegistrationStore::new, TALLY, COMMANDS);
    }
}
