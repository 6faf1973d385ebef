package org.enrollment.examples.impact;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.ActorKind;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.examples.RuleSet;
import org.enrollment.examples.impact.SeasonImpact.Grouping;
import org.enrollment.examples.impact.SeasonImpact.Side;
import org.enrollment.examples.scenario.Funnel;
import org.enrollment.examples.scenario.ScenarioCommand;
import org.enrollment.examples.scenario.ScenarioPlayer;
import org.enrollment.examples.scenario.ScenarioReader;

/**
 * Replays a season file under two rule sets at once (回放对比), each against a fresh registry on the in-memory
 * store: every command is read once and handed to both, and compared there and then; at the end the
 * children's end states, the funnels and the rules fired are compared. Only the differences are kept.
 */
public final class ImpactReplay {

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
        try (ScenarioReader reader = ScenarioReader.open(file)) {
            Season season = reader.season();
            ScenarioPlayer base = new ScenarioPlayer(season, baseline.engine(), new InMemoryRegistrationStore(new CountingAuditTrail()));
            ScenarioPlayer next = new ScenarioPlayer(season, proposed.engine(), new InMemoryRegistrationStore(new CountingAuditTrail()));
            Map<String, Long> firedBase = new HashMap<>();
            Map<String, Long> firedNext = new HashMap<>();
            Map<Grouping, Breakdown> changes = new EnumMap<>(Grouping.class);
            Set<String> children = new LinkedHashSet<>();
            long commands = 0;
            long changed = 0;
            long started = System.nanoTime();
            long lastReport = started;
            for (ScenarioCommand c = reader.next(); c != null; c = reader.next()) {
                Decision a = base.play(c).decision();
                Decision b = next.play(c).decision();
                count(firedBase, a.rulesFired());
                count(firedNext, b.rulesFired());
                for (String child : ScenarioPlayer.childrenNamed(c.command())) {
                    if (child != null && ResidentId.isValid(child)) {
                        children.add(child);
                    }
                }
                if (a.outcome() != b.outcome() || !Set.copyOf(a.reasonCodes()).equals(Set.copyOf(b.reasonCodes()))) {
                    changed++;
                    group(changes, season, base.registry(), next.registry(), c, a, b);
                }
                commands++;
                if ((commands & 0xFFF) == 0 && System.nanoTime() - lastReport > 5_000_000_000L) {
                    lastReport = System.nanoTime();
                    progress.accept(String.format("impact: %s: %,d commands replayed under both rule sets", file, commands));
                }
            }
            // The lines above come every 4,096 commands at most, so the last of them is short of the file's count.
            progress.accept(String.format("impact: %s: %,d commands replayed under both rule sets, all of the file", file, commands));
            ChildChanges endStates = ChildChanges.of(children, season, base.registry(), next.registry());
            return new SeasonImpact(file.toString(), season.year(), clock.instant(),
                    side(baseline, base.registry(), season, firedBase), side(proposed, next.registry(), season, firedNext),
                    commands, changed, groups(changes), endStates.changed(), endStates.groups(), endStates.noLongerFiled(),
                    endStates.newlyFiled());
        }
    }

    private static void count(Map<String, Long> fired, List<String> rules) {
        for (String r : rules) {
            fired.merge(r, 1L, Long::sum);
        }
    }

    private static Map<Grouping, List<Breakdown.Group>> groups(Map<Grouping, Breakdown> breakdowns) {
        Map<Grouping, List<Breakdown.Group>> groups = new EnumMap<>(Grouping.class);
        breakdowns.forEach((g, b) -> groups.put(g, b.groups()));
        return groups;
    }

    private static Side side(RuleSet rules, Registry registry, Season season, Map<String, Long> fired) {
        List<String> never = rules.ruleNames().stream().filter(r -> !fired.containsKey(r)).sorted().toList();
        return new Side(rules.origin(), rules.fingerprint(), Funnel.of(registry.store(), season.districts().all()), fired, never);
    }

    /** Counts a changed command under each grouping. */
    private static void group(Map<Grouping, Breakdown> changes, Season season, Registry base, Registry next,
                              ScenarioCommand c, Decision a, Decision b) {
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
        Optional<Registration> r = registrationOf(child, base).or(() -> registrationOf(child, next));
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

    private static Optional<Registration> registrationOf(String child, Registry registry) {
        return child != null && ResidentId.isValid(child) ? registry.registrationOf(ResidentId.of(child)) : Optional.empty();
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
