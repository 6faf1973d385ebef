package org.enrollment.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Register;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.rules.DroolsPolicyEngine;

/**
 * The few lines a host system writes to embed the library: a season, a registry judged by the shipped
 * rules, and a command handled. The README quotes {@link #registerAChild}.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Registers one child online, as a district's registration desk would.
     *
     * @return the registry's decision: accepted, with a pre-registration number
     */
    public static Decision registerAChild() {
        Season season = new Season(2014, Instant.parse("2014-05-05T00:00:00+08:00"), Instant.parse("2014-06-01T00:00:00+08:00"),
                3, DistrictCatalog.beijing(), List.of(new School("HD001", "海淀实验小学", "110108", 120, false)), List.of());
        Registry registry = Registry.builder(season, DroolsPolicyEngine.shipped())
                .clock(Clock.fixed(Instant.parse("2014-05-06T09:00:00+08:00"), ZoneOffset.ofHours(8))) // a host keeps the system clock
                .build();
        return registry.handle("GUARDIAN", new Register("110108200801010013", "王小明", "110108", "110108", "HD001", "ONLINE"));
    }
}
