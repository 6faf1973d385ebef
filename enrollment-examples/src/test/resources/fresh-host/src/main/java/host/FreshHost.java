package host;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.registry.RegistryBuilder;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.jdbc.JdbcRegistrationStore;
import org.enrollment.rules.DroolsPolicyEngine;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A host system, written from the README's embedding section and the Javadoc: one child from registration
 * to the student record, in memory and then on an H2 file database. Prints each decision and the child's
 * state at the end; exits 1 if the child is not filed on either store.
 */
public final class FreshHost {

    private static final ResidentId CHILD = ResidentId.of("110108200801010013");

    public static void main(String[] args) {
        byte[] childKey = "the host's secret, kept in its vault".getBytes(StandardCharsets.UTF_8);
        String inMemory = lifecycle("in memory", null, childKey);

        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + Path.of(args[0], "enrollment").toAbsolutePath());
        String onH2 = lifecycle("on H2", h2, childKey);

        System.out.println("in memory: " + inMemory + ", on H2: " + onH2);
        if (!inMemory.equals("FILED") || !onH2.equals("FILED")) {
            System.exit(1);
        }
    }

    private static Season season() {
        return Season.builder(2014)
                .window(Instant.parse("2014-05-05T00:00:00+08:00"), Instant.parse("2014-06-01T00:00:00+08:00"))
                .school(new School("HD001", "海淀实验小学", "110108", 120, false))
                .build();
    }

    /** Runs the lifecycle on one store and returns the child's state at the end. */
    private static String lifecycle(String where, DataSource dataSource, byte[] childKey) {
        // The 2014 season is replayed: the registry's clock says 6 May 2014, inside the window.
        Clock clock = Clock.fixed(Instant.parse("2014-05-06T09:00:00+08:00"), ZoneOffset.ofHours(8));
        // A replayed season's clock is meant to differ from the database's: no bound on the skew.
        RegistryBuilder builder = Registry.builder(season(), DroolsPolicyEngine.shipped()).clock(clock)
                .clockBound(ChronoUnit.FOREVER.getDuration()).childKey(childKey);
        if (dataSource != null) {
            builder.store(JdbcRegistrationStore.open(dataSource));
        }
        Registry registry = builder.build();

        Actor school = Actor.school("HD001");
        List<Step> steps = List.of(
                new Step(Actor.guardian(),
                        Register.online(CHILD, "王小明", Household.of("110108"), "110108", "HD001")),
                new Step(school, Verify.pass(CHILD, EnumSet.of(Document.HUKOU, Document.BIRTH, Document.HOME))),
                new Step(school, Tick.of(CHILD)),
                new Step(school, new SubmitList()),
                new Step(Actor.district("110108"), Approve.list("HD001")),
                new Step(school, Admit.all()),
                new Step(Actor.city(), FileStudentRecord.of(CHILD)));
        for (Step step : steps) {
            Decision decision = registry.handle(step.actor(), step.command());
            System.out.println(where + ": " + step.actor() + " " + step.command().kind() + " -> "
                    + decision.outcome() + " " + decision.reasonCodes());
        }

        String kept = registry.audit().head().format();
        boolean intact = registry.audit().verify(AuditHead.parse(kept)).intact();
        String state = registry.registrationOf(CHILD).map(r -> r.state().name()).orElse("none");
        System.out.println(where + ": audit head " + kept + (intact ? " intact" : " NOT INTACT") + ", child " + state);
        return intact ? state : "audit log broken";
    }

    private record Step(Actor actor, Command command) {
    }
}
