package org.enrollment.examples.simulation;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.core.store.RegistrationStore;
import org.enrollment.examples.scenario.Expectation;
import org.enrollment.examples.scenario.ScenarioCommand;
import org.enrollment.examples.scenario.ScenarioPlayer;
import org.enrollment.examples.scenario.ScenarioPlayer.Played;
import org.enrollment.examples.scenario.ScenarioWriter;

/**
 * Generates a season from a seed and plays it against a registry, command by command in time order: the
 * families' online registrations with their usual mistakes (a mistyped ID, a school in another district,
 * a child too young, a second try in another district, a document forgotten, a few families too late), the schools' verification
 * and ticking against their plans, list submission, the districts' review with a few entries returned,
 * admission and the city's filing; a boarding school deciding on its applicants, and rejected children
 * re-registering in their household district; co-build units' lists within and over quota (and one unit
 * without an agreement), a school's selection, online fallbacks. The same seed gives the same season and the
 * same commands.
 *
 * <p>The families react to what the registry decides, as they would: a school whose plan is full has the
 * district release the child, who then registers at a school with room while the window is open.
 */
public final class SeasonSimulator {

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;
    private static final long DAY = 86_400;
    private static final String[] PROVINCES = {"130000", "410000", "370000", "340000", "230000", "420000", "510000",
        "140000", "220000", "210000", "150000", "430000", "360000", "320000", "120000"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN = {"子涵", "欣怡", "梓轩", "浩宇", "一诺", "雨桐", "明", "博文", "佳琪", "思远",
        "天佑", "若曦", "晨阳", "悦", "嘉怡", "宇航", "诗涵", "俊杰", "可馨", "睿"};
    private static final List<String> BEIJING_DOCUMENTS = List.of("HUKOU", "BIRTH", "HOME");
    private static final List<String> NON_BEIJING_DOCUMENTS = List.of("WORK", "RESIDENCE", "HUKOU", "TEMP_RESIDENCE", "NO_GUARDIAN_HOME");

    private final int size;
    private final long seed;
    private final CityPlan city;
    private final List<Child> children = new ArrayList<>();
    private final List<List<Child>> unitLists = new ArrayList<>();
    private final Map<String, Integer> sequences = new HashMap<>();

    // the play
    private final SplittableRandom random;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final int[] demand;
    private final int[] boardingAdmitted = new int[2];
    private final long opens;
    private final long closes;
    private ScenarioPlayer player;
    private ScenarioWriter out;
    private Tally tally;
    private long sequence;
    private long now;

    /**
     * A season of about {@code children} children, generated from the seed.
     *
     * @throws IllegalArgumentException when there are too few children for a season (fewer than 400)
     */
    public SeasonSimulator(int children, long seed) {
        this.size = children;
        this.seed = seed;
        SplittableRandom generator = new SplittableRandom(seed);
        this.city = new CityPlan(children, generator.split());
        this.random = generator.split();
        this.demand = new int[city.schools.size()];
        this.opens = city.season.opens().getEpochSecond();
        this.closes = city.season.closes().getEpochSecond();
        SplittableRandom people = generator.split();
        for (int i = 0; i < city.onlineChildren; i++) {
            this.children.add(newChild(people, city.chooseDistrict(people), Child.Way.ONLINE, people.nextDouble() < 0.01));
        }
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < city.boardingApplicants; i++) {
                this.children.add(newChild(people, city.chooseDistrict(people), Child.Way.BOARDING, false));
            }
        }
        for (int u = 0; u < city.agreements.size(); u++) {
            int listed = u < 3 ? city.coBuildQuota : city.coBuildQuota + city.coBuildQuota / 2 + 1;
            List<Child> list = new ArrayList<>();
            for (int i = 0; i < listed; i++) {
                Child c = newChild(people, city.districtOf(city.agreementSchool[u]), Child.Way.CO_BUILD, false);
                list.add(c);
                this.children.add(c);
            }
            unitLists.add(list);
        }
    }

    /** The generated season: its window, schools and co-build agreements. */
    public Season season() {
        return city.season;
    }

    /** How many children the season has. */
    public int children() {
        return children.size();
    }

    /**
     * Plays the season against a fresh registry with the in-memory store.
     *
     * @param policies the policies to judge by
     * @param scenario where to write every command with what came of it as its expectation, or {@code null}
     * @param audit where to export the audit log as JSON Lines after the play and check it from, or {@code null}
     *        to check it in memory
     * @param progress told how far the play is, now and then
     * @return the report: the funnel, the refusals, the throughput, the audit log's check
     */
    public SeasonReport play(PolicyEngine policies, ScenarioWriter scenario, Path audit, Consumer<String> progress) {
        Objects.requireNonNull(progress, "progress");
        RegistrationStore store = new InMemoryRegistrationStore();
        this.player = new ScenarioPlayer(city.season, policies, store);
        this.out = scenario;
        this.tally = new Tally(city.districts.size());
        scheduleSeason();
        long started = System.nanoTime();
        long lastReport = started;
        while (!queue.isEmpty()) {
            Event e = queue.poll();
            now = e.at;
            e.action.run();
            if ((tally.commands & 0xFFF) == 0 && System.nanoTime() - lastReport > 2_000_000_000L) {
                lastReport = System.nanoTime();
                progress.accept(String.format("simulate: %,d commands played, now at %s, %,.0f commands/s", tally.commands,
                        time(now).toLocalDate(), tally.commands / ((lastReport - started) / 1e9)));
            }
        }
        long elapsed = System.nanoTime() - started;
        return SeasonReport.of(this, player.registry(), tally, elapsed, audit);
    }

    // ---- who the children are ----

    private Child newChild(SplittableRandom r, int home, Child.Way way, boolean tooYoung) {
        boolean beijing = r.nextDouble() < 0.7;
        String districtCode = city.districts.get(home).code();
        String province = PROVINCES[r.nextInt(PROVINCES.length)];
        String household = beijing ? districtCode : "NB:" + province;
        String area = beijing ? districtCode : province.substring(0, 2) + "0" + (1 + r.nextInt(9)) + "0" + (1 + r.nextInt(5));
        LocalDate born = tooYoung ? LocalDate.of(2008, 9, 1).plusDays(r.nextInt(122))
                : LocalDate.of(2007, 9, 1).plusDays(r.nextInt(366));
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        return new Child(composeId(area, born, r.nextBoolean()), name, household, home, beijing, way, tooYoung);
    }

    /** A resident ID not given before: the sequence counts up per area and birth date. */
    private String composeId(String area, LocalDate born, boolean male) {
        LocalDate day = born;
        while (true) {
            int k = sequences.merge(area + day, 1, Integer::sum) - 1;
            if (k < 500) {
                return ResidentId.compose(area, day, 2 * k + (male ? 1 : 0)).value();
            }
            day = day.plusDays(1);
        }
    }

    // ---- the calendar ----

    private void scheduleSeason() {
        for (int i = 0; i < children.size(); i++) {
            Child c = children.get(i);
            if (c.way == Child.Way.ONLINE) {
                double r = random.nextDouble();
                long day = r < 0.001 ? 27 + random.nextInt(2) : r < 0.35 ? random.nextInt(3) : random.nextInt(27);
                schedule(opens + day * DAY + 7 * HOUR + random.nextLong(16 * HOUR), c, () -> firstRegistration(c));
            } else if (c.way == Child.Way.BOARDING) {
                int b = i < city.onlineChildren + city.boardingApplicants ? 0 : 1;
                schedule(opens + random.nextInt(15) * DAY + 7 * HOUR + random.nextLong(16 * HOUR), c, () -> boardingRegistration(c, b));
            } else if (random.nextBoolean()) {
                int d = c.home;
                schedule(opens + random.nextInt(5) * DAY + 7 * HOUR + random.nextLong(16 * HOUR), c,
                        () -> register(c, d, city.chooseSchool(d, random), null, true));
            }
        }
        for (int u = 0; u < unitLists.size(); u++) {
            int unit = u;
            schedule(schoolHours(CityPlan.epoch(5, 12 + random.nextInt(5), 0, 0)), null, () -> coBuildList(unit));
        }
        schedule(CityPlan.epoch(5, 12, 10, 0), null, this::fakeCoBuildList);
        for (int s = 0; s < city.schools.size(); s++) {
            School school = city.schools.get(s);
            schedule(schoolHours(CityPlan.epoch(6, 10, 0, 0)), null, () -> submit(school, true));
            schedule(random.nextBoolean() ? CityPlan.epoch(6, 11, 14, 0) + random.nextLong(3 * HOUR)
                    : schoolHours(CityPlan.epoch(6, 12, 0, 0)), null, () -> approve(school));
            schedule(schoolHours(CityPlan.epoch(6, 14, 0, 0)), null, () -> submit(school, false));
            schedule(schoolHours(CityPlan.epoch(6, 15, 0, 0)), null, () -> approve(school));
            schedule(schoolHours(CityPlan.epoch(6, 20, 0, 0)), null, () -> admitAll(school));
        }
    }

    /** An event at {@code at}; for a child, dropped if the child's plan changed course before it comes. */
    private void schedule(long at, Child c, Runnable action) {
        long when = Math.max(at, now);
        if (c == null) {
            queue.add(new Event(when, sequence++, action));
        } else {
            int generation = c.generation;
            queue.add(new Event(when, sequence++, () -> {
                if (c.generation == generation) {
                    action.run();
                }
            }));
        }
    }

    /** A moment during school hours (9:00 to 17:00) of the day starting at {@code dayStart}. */
    private long schoolHours(long dayStart) {
        return dayStart + 9 * HOUR + random.nextLong(8 * HOUR);
    }

    /** During school hours {@code min} to {@code max} days from now, and after now. */
    private long schoolDaysLater(int min, int max) {
        long at = schoolHours(today() + (min + random.nextInt(max - min + 1)) * DAY);
        return at > now ? at : now + 10 * MINUTE + random.nextLong(2 * HOUR);
    }

    /** Midnight, Beijing time, of the day now is in. */
    private long today() {
        return now - Math.floorMod(now + 8 * HOUR, DAY);
    }

    private long later(long minSeconds, long maxSeconds) {
        return now + minSeconds + random.nextLong(maxSeconds - minSeconds + 1);
    }

    // ---- families ----

    private void firstRegistration(Child c) {
        double r = random.nextDouble();
        int d = c.home;
        int school = city.chooseSchool(d, random);
        if (c.tooYoung) {
            register(c, d, school, null, false);
        } else if (r < 0.005) {
            issue(Actor.guardian(), new Register(mistyped(c.id), c.name, c.household, code(d), schoolCode(school), null), d);
            schedule(later(3 * MINUTE, 15 * MINUTE), c, () -> register(c, d, school, null, false));
        } else if (r < 0.025) {
            int elsewhere = otherDistrict(d);
            int there = city.chooseSchool(elsewhere, random);
            issue(Actor.guardian(), new Register(c.id, c.name, c.household, code(d), schoolCode(there), null), d);
            schedule(later(5 * MINUTE, 30 * MINUTE), c, () -> register(c, elsewhere, there, null, false));
        } else {
            register(c, d, school, null, false);
        }
    }

    /** The ID with a wrong check character. */
    private static String mistyped(String id) {
        char check = id.charAt(17);
        char wrong = check == '0' ? '1' : check == 'X' ? '0' : (char) (check - 1);
        return id.substring(0, 17) + wrong;
    }

    private int otherDistrict(int d) {
        int other = city.chooseDistrict(random);
        return other == d ? (d + 1) % city.districts.size() : other;
    }

    /** Registers the child; when accepted, the school verifies later. {@code plain}: no more mistakes this time. */
    private void register(Child c, int d, int school, String route, boolean plain) {
        Played p = issue(Actor.guardian(), new Register(c.id, c.name, c.household, code(d), schoolCode(school), route), d);
        if (!p.decision().isAccepted()) {
            return;
        }
        c.school = school;
        c.district = d;
        demand[school]++;
        if (route != null) {
            return;
        }
        double r = plain ? 1 : random.nextDouble();
        if (r < 0.01) {
            int elsewhere = otherDistrict(d);
            int there = city.chooseSchool(elsewhere, random);
            long at = later(DAY, 3 * DAY);
            if (at < closes) {
                schedule(at, c, () -> issue(Actor.guardian(), new Register(c.id, c.name, c.household, code(elsewhere),
                        schoolCode(there), null), elsewhere));
            }
        } else if (r < 0.03) {
            schedule(later(HOUR, 20 * HOUR), c, () -> guardianAmends(c, true));
        } else if (r < 0.035) {
            long at = later(HOUR, 20 * HOUR);
            if (at + HOUR < closes) {
                schedule(at, c, () -> withdrawAndChoose(c));
                return;
            }
        }
        schedule(schoolDaysLater(1, 7), c, () -> verify(c, true));
    }

    private void guardianAmends(Child c, boolean name) {
        if (now >= closes) {
            return;
        }
        Played p = issue(Actor.guardian(), name ? new Amend(c.id, c.name, null, null) : new Amend(c.id, null, c.household, null), c.district);
        if (!name && p.decision().isAccepted()) {
            schedule(schoolDaysLater(1, 3), c, () -> verify(c, false));
        }
    }

    private void withdrawAndChoose(Child c) {
        Played p = issue(Actor.guardian(), new Withdraw(c.id), c.district);
        if (p.decision().isAccepted()) {
            c.generation++;
            demand[c.school]--;
            int d = c.district;
            int other = roomiest(d);
            schedule(later(30 * MINUTE, HOUR), c, () -> register(c, d, other, null, true));
        }
    }

    // ---- schools ----

    /** The school verifies the documents; {@code mayErr}: the family may forget one, or the check may fail. */
    private void verify(Child c, boolean mayErr) {
        Actor school = Actor.school(schoolCode(c.school));
        List<String> documents = c.beijing ? BEIJING_DOCUMENTS : NON_BEIJING_DOCUMENTS;
        double r = mayErr ? random.nextDouble() : 1;
        if (r < (c.beijing ? 0.005 : 0.04)) {
            issue(school, new Verify(c.id, "pass", documents.subList(0, documents.size() - 1), null), c.district);
            schedule(schoolDaysLater(2, 5), c, () -> verify(c, false));
            return;
        }
        if (r < 0.05 && !c.failedOnce) {
            c.failedOnce = true;
            Played p = issue(school, new Verify(c.id, "fail", null, "户口簿信息与登记不符 household booklet does not match the form"), c.district);
            if (p.decision().isAccepted() && now + 2 * DAY < closes) {
                schedule(later(DAY, 2 * DAY), c, () -> guardianAmends(c, false));
            }
            return;
        }
        Played p = issue(school, new Verify(c.id, "pass", documents, null), c.district);
        if (p.decision().isAccepted()) {
            schedule(schoolDaysLater(0, 2), c, () -> tick(c, true));
        }
    }

    private void tick(Child c, boolean mayUntick) {
        Actor school = Actor.school(schoolCode(c.school));
        Played p = issue(school, new Tick(c.id), c.district);
        if (p.decision().isAccepted()) {
            if (mayUntick && random.nextDouble() < 0.002) {
                schedule(schoolDaysLater(1, 1), c, () -> {
                    issue(school, new Untick(c.id), c.district);
                    schedule(schoolDaysLater(1, 1), c, () -> tick(c, false));
                });
            }
        } else if (p.decision().reasonCodes().contains(ReasonCode.PLAN_FULL)) {
            schedule(today() + DAY + 10 * HOUR + random.nextLong(2 * HOUR), c, () -> releaseAndMove(c));
        }
    }

    /** The school is full: the district releases the child, who registers at a school with room while the window is open. */
    private void releaseAndMove(Child c) {
        Played p = issue(Actor.district(code(c.district)), new Release(c.id, "计划已满 the school's plan is full"), c.district);
        if (!p.decision().isAccepted()) {
            return;
        }
        c.generation++;
        demand[c.school]--;
        int d = c.district;
        long at = later(2 * HOUR, 20 * HOUR);
        if (at < closes) {
            int other = roomiest(d);
            schedule(at, c, () -> register(c, d, other, null, true));
        }
    }

    /** The ordinary school of the district with the most places not yet sought. */
    private int roomiest(int d) {
        int best = -1;
        for (int s : city.schoolsOf.get(d)) {
            if (best < 0 || city.schools.get(s).plan() - demand[s] > city.schools.get(best).plan() - demand[best]) {
                best = s;
            }
        }
        return best;
    }

    private void submit(School school, boolean firstRound) {
        Played p = issue(Actor.school(school.code()), new SubmitList(), city.districtIndex(school.district()));
        if (!firstRound) {
            return;
        }
        for (Registration r : p.decision().registrations()) {
            if (random.nextDouble() < 0.005) {
                String id = r.child().value();
                schedule(CityPlan.epoch(6, 11, 9, 0) + random.nextLong(3 * HOUR), null, () -> returnEntry(school, id));
            }
        }
    }

    private void returnEntry(School school, String id) {
        int d = city.districtIndex(school.district());
        Played p = issue(Actor.district(school.district()), new ReturnEntry(id, "材料待复核 documents to be checked again"), d);
        if (p.decision().isAccepted()) {
            schedule(schoolHours(CityPlan.epoch(6, 13, 0, 0)), null, () -> issue(Actor.school(school.code()), new Tick(id), d));
        }
    }

    private void approve(School school) {
        issue(Actor.district(school.district()), new Approve(school.code(), null), city.districtIndex(school.district()));
    }

    private void admitAll(School school) {
        Played p = issue(Actor.school(school.code()), new Admit(null), city.districtIndex(school.district()));
        for (Registration r : p.decision().registrations()) {
            String id = r.child().value();
            int d = city.districtIndex(r.district());
            schedule(schoolHours(CityPlan.epoch(7, 1 + random.nextInt(10), 0, 0)), null,
                    () -> issue(Actor.city(), new FileStudentRecord(id), d));
        }
    }

    // ---- boarding ----

    private void boardingRegistration(Child c, int b) {
        int school = city.boarding[b];
        int there = city.districtOf(school);
        if (c.home != there && random.nextDouble() < 0.2) {
            issue(Actor.guardian(), new Register(c.id, c.name, c.household, code(c.home), schoolCode(school), "BOARDING"), c.home);
            schedule(later(5 * MINUTE, 30 * MINUTE), c, () -> applyToBoarding(c, b));
        } else {
            applyToBoarding(c, b);
        }
    }

    /** Registers for the boarding school in its district; the school decides at the end of May. */
    private void applyToBoarding(Child c, int b) {
        int school = city.boarding[b];
        register(c, city.districtOf(school), school, "BOARDING", true);
        if (c.school == school) {
            schedule(schoolHours(CityPlan.epoch(5, 26 + random.nextInt(5), 0, 0)), c, () -> boardingDecide(c, b));
        }
    }

    private void boardingDecide(Child c, int b) {
        boolean admit = boardingAdmitted[b] < city.schools.get(city.boarding[b]).plan();
        Played p = issue(Actor.school(schoolCode(c.school)), new BoardingDecide(c.id, admit ? "admit" : "reject"), c.district);
        if (!p.decision().isAccepted()) {
            return;
        }
        if (admit) {
            boardingAdmitted[b]++;
            return;
        }
        long deadline = Math.max(closes, now) + city.season.boardingGraceDays() * DAY;
        schedule(later(2 * HOUR, 2 * DAY), c, () -> {
            Played w = issue(Actor.guardian(), new Withdraw(c.id), c.district);
            if (w.decision().isAccepted()) {
                c.generation++;
                long at = Math.min(later(HOUR, 30 * HOUR), deadline - HOUR);
                if (at > now) {
                    schedule(at, c, () -> reregisterAfterBoarding(c));
                }
            }
        });
    }

    /** After a boarding rejection: 京籍 in the household district (some try elsewhere first), 非京籍 anywhere. */
    private void reregisterAfterBoarding(Child c) {
        int d = c.home;
        if (c.beijing && random.nextDouble() < 0.1) {
            int wrong = c.district == d ? otherDistrict(d) : c.district;
            issue(Actor.guardian(), new Register(c.id, c.name, c.household, code(wrong), schoolCode(city.chooseSchool(wrong, random)), null), wrong);
        }
        register(c, d, city.chooseSchool(d, random), null, true);
    }

    // ---- co-build ----

    private void coBuildList(int u) {
        int school = city.agreementSchool[u];
        List<Child> list = unitLists.get(u);
        List<ListedChildText> listed = list.stream().map(c -> new ListedChildText(c.id, c.name, c.household)).toList();
        int d = city.districtOf(school);
        Played p = issue(Actor.coBuildUnit(city.unit(u)), new CoBuildListing(schoolCode(school), listed), d);
        boolean atOnce = list.size() <= city.coBuildQuota;
        if (p.decision().isAccepted() && atOnce) {
            list.forEach(c -> selected(c, school));
        } else if (p.decision().isAccepted()) {
            for (Child c : list) {
                if (c.school < 0 && random.nextDouble() < 0.6) {
                    schedule(later(HOUR, 2 * DAY), c, () -> register(c, d, city.chooseSchool(d, random), null, true));
                }
            }
            schedule(schoolHours(CityPlan.epoch(5, 19 + random.nextInt(3), 0, 0)), null, () -> coBuildSelect(u, u == 3));
        } else {
            adviseOnline(list);
        }
    }

    /** The school selects from a waiting list; {@code overreach}: it first tries one child more than the quota. */
    private void coBuildSelect(int u, boolean overreach) {
        int school = city.agreementSchool[u];
        List<Child> list = new ArrayList<>(unitLists.get(u));
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
        if (overreach) {
            issue(Actor.school(schoolCode(school)), new CoBuildSelect(list.subList(0, city.coBuildQuota + 1).stream()
                    .map(c -> c.id).toList()), city.districtOf(school));
            schedule(later(10 * MINUTE, HOUR), null, () -> coBuildSelect(u, false));
            return;
        }
        List<Child> chosen = list.subList(0, city.coBuildQuota);
        Played p = issue(Actor.school(schoolCode(school)), new CoBuildSelect(chosen.stream().map(c -> c.id).toList()),
                city.districtOf(school));
        if (p.decision().isAccepted()) {
            chosen.forEach(c -> selected(c, school));
            adviseOnline(list.subList(city.coBuildQuota, list.size()));
        } else {
            adviseOnline(list);
        }
    }

    private void selected(Child c, int school) {
        c.generation++;
        if (c.school >= 0) {
            demand[c.school]--;
        }
        c.school = school;
        c.district = city.districtOf(school);
    }

    /** Children left without a registration register online, as advised, while the window is open. */
    private void adviseOnline(List<Child> left) {
        for (Child c : left) {
            long at = later(HOUR, DAY);
            if (c.school < 0 && at < closes) {
                int d = c.home;
                schedule(at, c, () -> register(c, d, city.chooseSchool(d, random), null, true));
            }
        }
    }

    /** A unit without any agreement sends a list: refused. */
    private void fakeCoBuildList() {
        Child a = children.get(random.nextInt(city.onlineChildren));
        Child b = children.get(random.nextInt(city.onlineChildren));
        List<ListedChildText> listed = a == b ? List.of(new ListedChildText(a.id, a.name, a.household))
                : List.of(new ListedChildText(a.id, a.name, a.household), new ListedChildText(b.id, b.name, b.household));
        int school = city.agreementSchool[0];
        issue(Actor.coBuildUnit("U-FAKE"), new CoBuildListing(schoolCode(school), listed), city.districtOf(school));
    }

    // ---- playing one command ----

    /** Plays a command now, writes it with what came of it, and counts it for district {@code d}. */
    private Played issue(Actor actor, Command command, int d) {
        ScenarioCommand c = new ScenarioCommand(0, time(now), actor.toString(), command, Expectation.nothing());
        Played p = player.play(c);
        if (out != null) {
            out.write(c.expecting(Expectation.of(p.observation())));
        }
        tally.count(command.kind(), p.decision(), d);
        return p;
    }

    private static OffsetDateTime time(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atOffset(CityPlan.BEIJING);
    }

    private String code(int district) {
        return city.districts.get(district).code();
    }

    private String schoolCode(int school) {
        return city.schools.get(school).code();
    }

    long seed() {
        return seed;
    }

    int requestedSize() {
        return size;
    }

    CityPlan city() {
        return city;
    }

    /** Something that happens at a moment; ties keep the order they were scheduled in. */
    private record Event(long at, long order, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    /** What was played: commands by kind, outcomes, refusals by district and reason. */
    static final class Tally {
        long commands;
        long accepted;
        final Map<CommandKind, Long> byKind = new EnumMap<>(CommandKind.class);
        /** Refusals by district (the last row: no district) and reason. */
        final long[][] refusals;

        Tally(int districts) {
            refusals = new long[districts + 1][ReasonCode.values().length];
        }

        void count(CommandKind kind, Decision d, int district) {
            commands++;
            byKind.merge(kind, 1L, Long::sum);
            if (d.isAccepted()) {
                accepted++;
            } else {
                long[] row = refusals[district < 0 ? refusals.length - 1 : district];
                d.reasonCodes().forEach(r -> row[r.ordinal()]++);
            }
        }
    }
}
