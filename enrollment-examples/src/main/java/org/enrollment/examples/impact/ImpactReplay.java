package org.enrollment.examples.impact;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.ActorKind;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.examples.RuleSet;
import org.enrollment.examples.impact.SeasonImpact.Grouping;
import org.enrollment.examples.impact.SeasonImpact.Side;
import org.enrollment.examples.impact.SideReplay.Step;
import org.enrollment.examples.scenario.ScenarioCommand;
import org.enrollment.examples.scenario.ScenarioPlayer;
import org.enrollment.examples.scenario.ScenarioReader;

/**
 * Replays a season file under two rule sets at once (回放对比), each against a fresh registry on the in-memory
 * store and on a thread of its own ({@link SideReplay}): every command is read once and handed to both in batches,
 * and their decisions are compared in the file's order as the batches come back; at the end the children's end
 * states, the funnels and the rules fired are compared. Only the differences are kept.
 */
public final class ImpactReplay {

    /** Commands handed to both sides at once. */
    private static final int BATCH = 1_024;
    /** Batches handed over and not yet compared, at most (and one more): enough for neither side to wait. */
    private static final int IN_FLIGHT = 8;

    /** What a command ended with differently: another outcome, or other reason codes. */
    private static final String NO_RULE_DIFFERS = "(同样的规则；源于之前的变化 same rules: follows from an earlier change)";

    private final RuleSet baseline;
    private final RuleSet proposed;
    private final Clock clock;

    /** Compares the proposed rules with the baseline; {@code clock} tells when the comparison ran. */
    public ImpactReplay(RuleSet baseline, RuleSet proposed, Clock clock) {
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.proposed = Objects.requireNonNull(proposed, "proposed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Replays the file under both rule sets.
     *
     * @param file a season file: a scenario file, e.g. as {@code simulate --out} writes it; expectations are not looked at
     * @param progress told how far the replay is, now and then
     * @throws org.enrollment.examples.scenario.ScenarioFileException when the file is wrong
     */
    public SeasonImpact replay(Path file, Consumer<String> progress) {
        try (ScenarioReader reader = ScenarioReader.open(file);
             SideReplay base = new SideReplay(reader.season(), baseline, "impact-baseline");
             SideReplay next = new SideReplay(reader.season(), proposed, "impact-proposed")) {
            Season season = reader.season();
            Comparison comparison = new Comparison(file, season, progress);
            Deque<Batch> inFlight = new ArrayDeque<>();
            List<ScenarioCommand> batch = new ArrayList<>(BATCH);
            for (ScenarioCommand c = reader.next(); c != null; c = reader.next()) {
                batch.add(c);
                if (batch.size() == BATCH) {
                    inFlight.add(new Batch(batch, base.play(batch), next.play(batch)));
                    batch = new ArrayList<>(BATCH);
                    if (inFlight.size() > IN_FLIGHT) {
                        comparison.compare(inFlight.remove());
                    }
                }
            }
            if (!batch.isEmpty()) {
                inFlight.add(new Batch(batch, base.play(batch), next.play(batch)));
            }
            while (!inFlight.isEmpty()) {
                comparison.compare(inFlight.remove());
            }
            // The lines before come every 4,096 commands at most, so the last of them is short of the file's count.
            progress.accept(String.format("impact: %s: %,d commands replayed under both rule sets, all of the file", file,
                    comparison.commands));
            List<String> children = List.copyOf(comparison.children);
            Future<SideReplay.Ending> baseEnd = base.end(children, season.districts().all());
            SideReplay.Ending nextEnd = SideReplay.done(next.end(children, season.districts().all()));
            SideReplay.Ending baseEnding = SideReplay.done(baseEnd);
            ChildChanges endStates = ChildChanges.of(children, season, baseEnding.ends(), nextEnd.ends());
            return new SeasonImpact(file.toString(), season.year(), clock.instant(), side(base, baseEnding), side(next, nextEnd),
                    comparison.commands, comparison.changed, groups(comparison.changes), endStates.changed(), endStates.groups(),
                    endStates.noLongerFiled(), endStates.newlyFiled());
        }
    }

    /** Commands handed to both sides at once, and what each side came to with them. */
    private record Batch(List<ScenarioCommand> commands, Future<List<Step>> base, Future<List<Step>> next) {
    }

    /** The comparison of the two sides' decisions, command by command in the file's order. */
    private static final class Comparison {

        private final Path file;
        private final Season season;
        private final Consumer<String> progress;
        private final Map<Grouping, Breakdown> changes = new EnumMap<>(Grouping.class);
        /** The children the commands name, as written, valid or not (told apart once, at the end). */
        private final Set<String> children = new LinkedHashSet<>();
        private long commands;
        private long changed;
        private long lastReport = System.nanoTime();

        Comparison(Path file, Season season, Consumer<String> progress) {
            this.file = file;
            this.season = season;
            this.progress = progress;
        }

        void compare(Batch batch) {
            List<Step> a = SideReplay.done(batch.base());
            List<Step> b = SideReplay.done(batch.next());
            for (int i = 0; i < batch.commands().size(); i++) {
                compare(batch.commands().get(i), a.get(i), b.get(i));
            }
        }

        private void compare(ScenarioCommand c, Step a, Step b) {
            for (String child : ScenarioPlayer.childrenNamed(c.command())) {
                if (child != null) {
                    children.add(child);
                }
            }
            if (differ(a.decision(), b.decision())) {
                changed++;
                group(changes, season, c, a, b);
            }
            commands++;
            if ((commands & 0xFFF) == 0 && System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                progress.accept(String.format("impact: %s: %,d commands replayed under both rule sets", file, commands));
            }
        }
    }

    /** Whether the decisions differ in outcome or reason codes (in any order); asked of every command, so without streams. */
    private static boolean differ(Decision a, Decision b) {
        if (a.outcome() != b.outcome()) {
            return true;
        }
        List<Reason> ra = a.reasons();
        List<Reason> rb = b.reasons();
        if (ra.size() == rb.size()) {
            int i = 0;
            while (i < ra.size() && ra.get(i).code() == rb.get(i).code()) {
                i++;
            }
            if (i == ra.size()) {
                return false;
            }
        }
        return !codes(ra).equals(codes(rb));
    }

    private static Set<ReasonCode> codes(List<Reason> reasons) {
        Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
        reasons.forEach(r -> codes.add(r.code()));
        return codes;
    }

    private static Map<Grouping, List<Breakdown.Group>> groups(Map<Grouping, Breakdown> breakdowns) {
        Map<Grouping, List<Breakdown.Group>> groups = new EnumMap<>(Grouping.class);
        breakdowns.forEach((g, b) -> groups.put(g, b.groups()));
        return groups;
    }

    private static Side side(SideReplay side, SideReplay.Ending ending) {
        RuleSet rules = side.rules();
        Map<String, Long> fired = side.fired();
        List<String> never = rules.ruleNames().stream().filter(r -> !fired.containsKey(r)).sorted().toList();
        return new Side(rules.origin(), rules.fingerprint(), ending.funnel(), fired, never);
    }

    /** Counts a changed command under each grouping. */
    private static void group(Map<Grouping, Breakdown> changes, Season season, ScenarioCommand c, Step stepA, Step stepB) {
        Decision a = stepA.decision();
        Decision b = stepB.decision();
        List<String> named = ScenarioPlayer.childrenNamed(c.command());
        String child = named.isEmpty() ? null : named.get(0);
        String example = String.format("line %d · %s · %s: %s → %s", c.line(), c.command().kind().text(),
                child == null ? "-" : ResidentId.mask(child), shown(a), shown(b));
        Set<String> rulesA = new TreeSet<>(a.rulesFired());
        Set<String> rulesB = new TreeSet<>(b.rulesFired());
        Set<String> rules = new TreeSet<>(rulesA);
        rules.addAll(rulesB);
        rules.removeIf(r -> rulesA.contains(r) && rulesB.contains(r));
        if (rules.isEmpty()) {
            rules.add(NO_RULE_DIFFERS);
        }
        rules.forEach(r -> add(changes, Grouping.RULE, r, example));
        Set<ReasonCode> reasonsA = Set.copyOf(a.reasonCodes());
        Set<ReasonCode> reasonsB = Set.copyOf(b.reasonCodes());
        reasonsB.stream().filter(r -> !reasonsA.contains(r)).sorted().forEach(r -> add(changes, Grouping.REASON, "+" + r.name(), example));
        reasonsA.stream().filter(r -> !reasonsB.contains(r)).sorted().forEach(r -> add(changes, Grouping.REASON, "−" + r.name(), example));
        if (reasonsA.equals(reasonsB)) {
            add(changes, Grouping.REASON, a.outcome() + " → " + b.outcome(), example);
        }
        Optional<Registration> r = stepA.registration().or(stepB::registration);
        Optional<String> school = r.map(Registration::school).or(() -> schoolOf(c));
        Optional<String> district = r.map(Registration::district)
                .or(() -> school.flatMap(season::school).map(School::district))
                .or(() -> c.command() instanceof Register reg ? Optional.ofNullable(reg.district()) : Optional.empty());
        add(changes, Grouping.DISTRICT, district.map(d -> districtName(season, d)).orElse("(无 none)"), example);
        add(changes, Grouping.SCHOOL, school.map(s -> schoolName(season, s)).orElse("(无 none)"), example);
        add(changes, Grouping.KIND, c.command().kind().text(), example);
    }

    private static void add(Map<Grouping, Breakdown> changes, Grouping g, String key, String example) {
        changes.computeIfAbsent(g, x -> new Breakdown()).add(key, example);
    }

    private static String shown(Decision d) {
        return d.reasonCodes().isEmpty() ? d.outcome().name()
                : d.outcome() + " " + d.reasonCodes().stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The school of the command: a school actor's, or the one a registration names. */
    private static Optional<String> schoolOf(ScenarioCommand c) {
        if (Actor.isValid(c.actor()) && Actor.parse(c.actor()).kind() == ActorKind.SCHOOL) {
            return Optional.of(Actor.parse(c.actor()).id());
        }
        return c.command() instanceof Register reg ? Optional.ofNullable(reg.school()) : Optional.empty();
    }

    /** A district as the reports show it, e.g. {@code 110108 海淀区}; a code the catalog does not know as it is. */
    static String districtName(Season season, String code) {
        return season.districts().find(code).map(d -> d.code() + " " + d.name()).orElse(ResidentId.maskAll(code));
    }

    private static String schoolName(Season season, String code) {
        return season.school(code).map(s -> s.code() + " " + s.name()).orElse(ResidentId.maskAll(code));
    }
}
