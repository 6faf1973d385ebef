package org.enrollment.examples.simulation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.District;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * The fixed part of a generated season: the sixteen districts with their share of the children, their
 * schools with plans summing to about 1.05 times the children (a tenth of the schools popular enough to
 * fill), two boarding schools and six co-build agreements; and the season's dates (2014: the window open
 * 5 May to 31 May, three days' boarding grace).
 */
final class CityPlan {

    /** Beijing time. */
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /** The size of a real Beijing year. */
    static final int FULL_SIZE = 170_000;

    /** Each district's share of the children, in catalog order (东城 西城 朝阳 丰台 石景山 海淀 ...). */
    private static final double[] SHARE = {0.045, 0.065, 0.150, 0.085, 0.030, 0.140, 0.018, 0.055, 0.070, 0.055,
        0.090, 0.080, 0.022, 0.022, 0.024, 0.015};
    /** Two-letter school code prefix of each district. */
    private static final String[] PREFIX = {"DC", "XC", "CY", "FT", "SJ", "HD", "MT", "FS", "TZ", "SY", "CP", "DX",
        "HR", "PG", "MY", "YQ"};
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String[] UNITS = {"U-CAS", "U-PKU", "U-BANK", "U-RAIL", "U-GRID", "U-PLA"};
    private static final double PLAN_MARGIN = 1.05;

    final List<District> districts = DistrictCatalog.beijing().all();
    final List<School> schools = new ArrayList<>();
    /** The index in {@link #schools} of each district's ordinary schools. */
    final List<int[]> schoolsOf = new ArrayList<>();
    /** Cumulative choice weights over {@link #schoolsOf}: plan times popularity. */
    final List<double[]> choiceWeights = new ArrayList<>();
    /** The indexes of the boarding schools. */
    final int[] boarding = new int[2];
    /** The co-build agreements; their schools' plans include the quota. */
    final List<CoBuildAgreement> agreements = new ArrayList<>();
    /** The index of each agreement's school. */
    final int[] agreementSchool = new int[UNITS.length];
    final Season season;
    final int onlineChildren;
    final int boardingApplicants;
    final int coBuildQuota;

    CityPlan(int children, SplittableRandom random) {
        double scale = Math.min(1.0, (double) children / FULL_SIZE);
        boardingApplicants = Math.max(4, (int) Math.round(children * 0.0008));
        coBuildQuota = Math.max(2, (int) Math.round(15 * scale));
        int coBuildChildren = UNITS.length * (coBuildQuota + coBuildQuota / 2 + 1);
        onlineChildren = children - 2 * boardingApplicants - coBuildChildren;
        if (onlineChildren < children / 2) {
            throw new IllegalArgumentException("A season needs at least 400 children, was " + children + ".");
        }
        double maxShare = 0.150;
        for (int d = 0; d < districts.size(); d++) {
            int count = Math.max(3, (int) Math.round((60 + 60 * SHARE[d] / maxShare) * scale));
            double[] size = new double[count];
            double sum = 0;
            for (int i = 0; i < count; i++) {
                size[i] = 0.6 + 0.8 * random.nextDouble();
                sum += size[i];
            }
            double capacity = onlineChildren * SHARE[d] / total() * PLAN_MARGIN;
            int[] indexes = new int[count];
            double[] weights = new double[count];
            double cumulative = 0;
            for (int i = 0; i < count; i++) {
                int plan = Math.max(1, (int) Math.round(capacity * size[i] / sum));
                indexes[i] = schools.size();
                schools.add(new School(PREFIX[d] + String.format("%03d", i + 1), schoolName(d, i), districts.get(d).code(), plan, false));
                double popularity = random.nextDouble() < 0.1 ? 1.3 + 0.3 * random.nextDouble() : 1.0;
                cumulative += plan * popularity;
                weights[i] = cumulative;
            }
            schoolsOf.add(indexes);
            choiceWeights.add(weights);
        }
        int boardingPlan = Math.max(2, boardingApplicants / 2);
        boarding[0] = addSchool(new School("XC900", "北京小学(寄宿)", districts.get(1).code(), boardingPlan, true));
        boarding[1] = addSchool(new School("HD900", "海淀寄宿学校", districts.get(5).code(), boardingPlan, true));
        for (int u = 0; u < UNITS.length; u++) {
            int d = new int[] {5, 5, 2, 1, 0, 10}[u];
            int[] candidates = schoolsOf.get(d);
            int s = candidates[u % candidates.length];
            School school = schools.get(s);
            schools.set(s, new School(school.code(), school.name(), school.district(), school.plan() + coBuildQuota, false));
            agreementSchool[u] = s;
            agreements.add(new CoBuildAgreement(UNITS[u], school.code(), coBuildQuota));
        }
        season = new Season(2014, at(5, 5, 0, 0), at(6, 1, 0, 0), 3, DistrictCatalog.beijing(), schools, agreements);
    }

    private static double total() {
        double t = 0;
        for (double s : SHARE) {
            t += s;
        }
        return t;
    }

    private int addSchool(School s) {
        schools.add(s);
        return schools.size() - 1;
    }

    private String schoolName(int d, int i) {
        String district = districts.get(d).name().replace("区", "");
        int n = i + 1;
        String number = n <= 10 ? NUMERALS[n - 1] : String.valueOf(n);
        return district + "第" + number + "小学";
    }

    /** A school of district {@code d}, chosen as families choose: by size and popularity. */
    int chooseSchool(int d, SplittableRandom random) {
        double[] w = choiceWeights.get(d);
        double x = random.nextDouble() * w[w.length - 1];
        int lo = 0;
        int hi = w.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (w[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return schoolsOf.get(d)[lo];
    }

    /** A district, chosen by its share of the children. */
    int chooseDistrict(SplittableRandom random) {
        double x = random.nextDouble() * total();
        for (int d = 0; d < SHARE.length; d++) {
            x -= SHARE[d];
            if (x < 0) {
                return d;
            }
        }
        return SHARE.length - 1;
    }

    /** The co-build unit of agreement {@code u}. */
    String unit(int u) {
        return UNITS[u];
    }

    /** The district index of a school. */
    int districtOf(int school) {
        return districtIndex(schools.get(school).district());
    }

    int districtIndex(String code) {
        for (int d = 0; d < districts.size(); d++) {
            if (districts.get(d).code().equals(code)) {
                return d;
            }
        }
        return -1;
    }

    /** A moment of 2014 in Beijing time, as epoch seconds. */
    static long epoch(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2014, month, day, hour, minute).toEpochSecond(BEIJING);
    }

    private static Instant at(int month, int day, int hour, int minute) {
        return Instant.ofEpochSecond(epoch(month, day, hour, minute));
    }
}
