package org.enrollment.core.registry;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.ActionChain;
import org.enrollment.core.fixture.PermissivePolicies;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.SeasonChains.World;
import org.enrollment.core.store.jdbc.JdbcRegistrationStore;
import org.enrollment.core.store.jdbc.PostgresSchemas;

/**
 * The random seasons of {@link RegistryProperties} on the JDBC store over a real (embedded) PostgreSQL, a
 * fresh schema for every chain: after every command the invariants hold, a refused command changed nothing
 * in the database and an accepted one moved exactly the registrations it names, as the database gives them
 * back.
 *
 * <p>Chains of fifty commands, each command costing some forty statements here (the command itself, and the
 * snapshots and checks around it): 200 chains a property by default, the thousand of the in-memory run with
 * {@code -Pexhaustive} (the build passes the number as jqwik's default tries, and as
 * {@code enrollment.postgres.chains} for the progress lines). It prints a line every 50 chains.
 */
class RegistryOnPostgresIT {

    private static final int COMMANDS = 50;
    private static final int CHAINS = Integer.getInteger("enrollment.postgres.chains", 1000);
    private static final AtomicInteger PLAYED = new AtomicInteger();
    private static final long STARTED = System.nanoTime();
    private static final SeasonChains.Tally TALLY = new SeasonChains.Tally();
    private static final PostgresSchemas SCHEMAS = PostgresSchemas.open(2);

    @Property
    void invariantsHoldAfterEveryCommandOnPostgresUnderTheReferencePolicies(@ForAll("seasonsUnderReferencePolicies") ActionChain<World> chain) {
        SeasonChains.withInvariants(chain).run().tallyTheEnd();
        progress("reference policies");
    }

    @Property
    void postgresKeepsTheStoresGuaranteesWhenThePoliciesAcceptEverything(@ForAll("seasonsUnderPermissivePolicies") ActionChain<World> chain) {
        SeasonChains.withInvariants(chain).run().tallyTheEnd();
        progress("accept-everything policies");
    }

    private static void progress(String policies) {
        int played = PLAYED.incrementAndGet();
        if (played % 50 == 0) {
            System.err.printf("RegistryOnPostgresIT: %d of %d chains played (now: %s), %d s%n", played, 2 * CHAINS, policies,
                    (System.nanoTime() - STARTED) / 1_000_000_000L);
        }
    }

    @AfterContainer
    static void closeAndPrintWhatWasTried() throws SQLException {
        SCHEMAS.close();
        System.out.print(TALLY.report("registry properties on PostgreSQL, commands given"));
    }

    @Provide
    Arbitrary<ActionChain<World>> seasonsUnderReferencePolicies() {
        return SeasonChains.chains(ReferencePolicies::new, () -> JdbcRegistrationStore.open(SCHEMAS.fresh()), TALLY, COMMANDS);
    }

    @Provide
    Arbitrary<ActionChain<World>> seasonsUnderPermissivePolicies() {
        return SeasonChains.chains(PermissivePolicies::new, () -> JdbcRegistrationStore.open(SCHEMAS.fresh()), TALLY, COMMANDS);
    }
}
