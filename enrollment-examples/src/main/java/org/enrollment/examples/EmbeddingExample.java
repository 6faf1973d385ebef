package org.enrollment.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Register;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.registry.RegistryBuilder;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.jdbc.JdbcRegistrationStore;
import org.enrollment.rules.DroolsPolicyEngine;

/**
 * The code of the README's embedding section, as a host system writes it: a season, the clock, the key, the
 * store, one command. {@code EmbeddingExampleTest} runs it, so the README's snippet is known to work.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /** The 2014 season of the README: its window, one school; cut-off 31 August and age bound 9 by default. */
    public static Season season() {
        return Season.builder(2014)
                .window(Instant.parse("2014-05-05T00:00:00+08:00"), Instant.parse("2014-06-01T00:00:00+08:00"))
                .school(new School("HD001", "海淀实验小学", "110108", 120, false))
                .build();
    }

    /**
     * Registers one child online, as a district's registration desk would, on the store given ({@code null}: in
     * memory) and with the host's key for the audit log's child references.
     *
     * @param dataSource the city database, or {@code null} for the in-memory store
     * @param childKey the host's secret of at least 16 bytes, the same on every start
     * @return the registry's decision: accepted, with a pre-registration number
     */
    public static Decision registerAChild(DataSource dataSource, byte[] childKey) {
        // The registry judges by its clock. A live host keeps the system clock (the default); this replays the
        // 2014 season, so its clock says 6 May 2014, inside the window, and it tells the registry that its clock
        // is meant to differ from the database's (a live host keeps the default bound of 5 seconds).
        Clock clock = Clock.fixed(Instant.parse("2014-05-06T09:00:00+08:00"), ZoneOffset.ofHours(8));
        RegistryBuilder builder = Registry.builder(season(), DroolsPolicyEngine.shipped()).clock(clock)
                .clockBound(ChronoUnit.FOREVER.getDuration()).childKey(childKey);
        if (dataSource != null) {
            builder.store(JdbcRegistrationStore.open(dataSource));
        }
        Registry registry = builder.build();

        Decision decision = registry.handle(Actor.guardian(),
                Register.online(ResidentId.of("110108200801010013"), "王小明", Household.of("110108"), "110108", "HD001"));

        // Keep the audit head where the database's writers cannot reach; check the log against it later.
        String kept = registry.audit().head().format();
        if (!registry.audit().verify(AuditHead.parse(kept)).intact()) {
            throw new IllegalStateException("The audit log does not check out against its head " + kept + ".");
        }
        return decision;
    }
}
