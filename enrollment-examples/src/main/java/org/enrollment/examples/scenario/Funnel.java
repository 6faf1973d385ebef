package org.enrollment.examples.scenario;

import java.util.List;
import java.util.Objects;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationEvent;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.season.District;
import org.enrollment.core.store.RegistrationStore;

/**
 * The funnel (招生漏斗) a season left in a store: per district, how many registrations reached each
 * {@link Stage} (registered → verified → pre-admitted → approved → admitted → filed).
 *
 * @param districts the districts, in catalog order
 * @param counts per district (same order), the registrations that reached each stage, by stage ordinal
 */
public record Funnel(List<District> districts, long[][] counts) {

    /** The stages of the funnel, each reached by a registration that entered any of its states. */
    public enum Stage {
        /** Registered (登记): a registration was created. */
        REGISTERED("登记"),
        /** Verified (审核通过), or pre-admitted without verification (boarding, co-build). */
        VERIFIED("审核"),
        /** Pre-admitted (预录取): ticked. */
        PRE_ADMITTED("预录取"),
        /** Approved (批准) by the district. */
        APPROVED("批准"),
        /** Admitted (录取): the admission notice issued. */
        ADMITTED("录取"),
        /** Filed (建档): the student record created. */
        FILED("建档");

        private final String chinese;

        Stage(String chinese) {
            this.chinese = chinese;
        }

        /** The stage's Chinese name, e.g. 预录取. */
        public String chinese() {
            return chinese;
        }

        /** The stage's English name as the reports show it, e.g. {@code pre-admitted}. */
        public String english() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Validates. */
    public Funnel {
        districts = List.copyOf(districts);
        Objects.requireNonNull(counts, "counts");
        if (counts.length != districts.size()) {
            throw new IllegalArgumentException("A funnel has a row per district: " + counts.length + " rows for " + districts.size() + " districts.");
        }
    }

    /** The funnel of the registrations in the store, over the districts (a registration elsewhere is not counted). */
    public static Funnel of(RegistrationStore store, List<District> districts) {
        long[][] counts = new long[districts.size()][Stage.values().length];
        store.forEach(r -> {
            int d = indexOf(districts, r.district());
            if (d >= 0) {
                for (int s = 0; s <= reached(r).ordinal(); s++) {
                    counts[d][s]++;
                }
            }
        });
        return new Funnel(districts, counts);
    }

    /** How many registrations of the district (by catalog index) reached the stage. */
    public long count(int district, Stage stage) {
        return counts[district][stage.ordinal()];
    }

    /** The city-wide count of registrations that reached the stage. */
    public long total(Stage stage) {
        long t = 0;
        for (long[] row : counts) {
            t += row[stage.ordinal()];
        }
        return t;
    }

    /** The furthest stage a registration reached. */
    public static Stage reached(Registration r) {
        Stage stage = Stage.REGISTERED;
        for (RegistrationEvent e : r.history()) {
            Stage s = stageOf(e.state());
            stage = s.ordinal() > stage.ordinal() ? s : stage;
        }
        return stage;
    }

    private static Stage stageOf(RegistrationState s) {
        return switch (s) {
            case VERIFIED -> Stage.VERIFIED;
            case PRE_ADMITTED, UNDER_REVIEW -> Stage.PRE_ADMITTED;
            case APPROVED -> Stage.APPROVED;
            case ADMITTED -> Stage.ADMITTED;
            case FILED -> Stage.FILED;
            case SUBMITTED, VERIFICATION_FAILED, BOARDING_REJECTED, WITHDRAWN -> Stage.REGISTERED;
        };
    }

    private static int indexOf(List<District> districts, String code) {
        for (int d = 0; d < districts.size(); d++) {
            if (districts.get(d).code().equals(code)) {
                return d;
            }
        }
        return -1;
    }
}
