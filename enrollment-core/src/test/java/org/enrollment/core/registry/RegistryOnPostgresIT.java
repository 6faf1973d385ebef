package org.enrollment.core.registry;

import java.sql.SQLException;
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
 * <p>A thousand chains of fifty commands a property, as in the in-memory run: about four minutes for the two
 * on a quiet two-core machine, each command costing some forty statements here (the command itself, and the
 * snapshots and checks around it).
 */
class RegistryOnPostgresIT {

    private static final int COMMANDS = 50;
    private static final int TRIES = 1000;
    private static final SeasonChains.Tally TALLY = new SeasonChains.Tally();
    private static final PostgresSchemas SCHEMAS = PostgresSchemas.open(2);

    @Property(tries = TRIES)
    void invariantsHoldAfterEveryCommandOnPostgresUnderTheReferencePolicies(@ForAll("seasonsUnderReferencePolicies") ActionChain<World> chain) {
        SeasonChains.withInvariants(chain).run().tallyTheEnd();
    }

    @Property(tries = TRIES)
    void postgresKeepsTheStoresGuaranteesWhenThePoliciesAcceptEverything(@ForAll("seasonsUnderPermissivePolicies") ActionChain<World> chain) {
        SeasonChains.withInvariants(chain).run().tallyTheEnd();
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
