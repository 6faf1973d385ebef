package org.enrollment.examples.scenario;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.enrollment.core.audit.tlog.CheckpointSchedule;
import org.enrollment.core.audit.tlog.SigningKey;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Decision;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.registry.RegistryBuilder;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.RegistrationStore;

/**
 * Plays scenario commands against one registry of its own: each command is judged at its {@code at} (the
 * registry's clock shows, on the thread that handles a command, that command's time, so that several threads may
 * play commands at once, each at its own time), and what came of it is observed as a {@code state} expectation
 * looks at it (from the decision when it wrote the child's registration; from the store otherwise). Which
 * commands may be played at once, and in what order the others, is the caller's to say ({@link ScenarioRunner}).
 */
public final class ScenarioPlayer {

    /** How many entries between the checkpoints a player's registry signs by itself, when it has the log's key. */
    public static final long CHECKPOINT_EVERY = 10_000;

    private final SettableClock clock;
    private final Registry registry;

    /** A player with a fresh registry for the season, judged by the policies, kept in the store. */
    public ScenarioPlayer(Season season, PolicyEngine policies, RegistrationStore store) {
        this(season, policies, store, null, Optional.empty());
    }

    /**
     * A player whose registry uses this child key, which a store that outlives the process needs, and signs
     * checkpoints of its log with this key every {@value #CHECKPOINT_EVERY} entries (and when asked).
     *
     * @param childKey the child key, or {@code null} for a random one (a store that ends with the process only)
     * @param logKey the log's key, or empty to sign nothing
     */
    public ScenarioPlayer(Season season, PolicyEngine policies, RegistrationStore store, byte[] childKey, Optional<SigningKey> logKey) {
        this.clock = new SettableClock(season.opens());
        RegistryBuilder builder = Registry.builder(season, policies).clock(clock).clockBound(ChronoUnit.FOREVER.getDuration()).store(store);
        if (childKey != null) {
            builder.childKey(childKey);
        }
        logKey.ifPresent(key -> builder.checkpoints(key, CheckpointSchedule.everyEntries(CHECKPOINT_EVERY)));
        this.registry = builder.build();
    }

    /** Handles the command at its time and observes what came of it. Safe for many threads. */
    public Played play(ScenarioCommand c) {
        Decision d = decide(c);
        return new Played(d, observe(c, d));
    }

    /** Handles the command at its time, observing nothing: the registry's decision only. Safe for many threads. */
    public Decision decide(ScenarioCommand c) {
        clock.set(c.at().toInstant());
        return registry.handle(c.actor(), c.command());
    }

    private Observation observe(ScenarioCommand c, Decision d) {
        List<Registration> concerned = new ArrayList<>();
        List<String> states = new ArrayList<>();
        Optional<List<String>> probed = CommandCodec.probedChildren(c.command());
        if (probed.isPresent()) {
            for (String child : probed.get()) {
                Optional<Registration> r = registrationAfter(child, d);
                r.ifPresent(concerned::add);
                states.add(r.map(x -> x.state().name()).orElse(Expectation.NONE));
            }
        } else {
            concerned.addAll(d.registrations());
            concerned.forEach(r -> states.add(r.state().name()));
        }
        String number = concerned.size() == 1 && states.size() == 1 ? concerned.get(0).number().value() : null;
        return new Observation(d.outcome(), d.reasonCodes(), d.rulesFired(), states, number);
    }

    /**
     * The registration of the child (as the command writes it) as {@link Registry#registrationOf} reads it right
     * after the decision: the one an accepted decision wrote for the child, when it wrote one, is the child's latest
     * (a command acts on the child's registration that is not WITHDRAWN, and a register makes the newest), so the
     * store is not asked again (on PostgreSQL a round trip per command) nor the ID parsed; otherwise it is read.
     * Empty for a child that is not a valid resident ID, or has no registration.
     */
    public Optional<Registration> registrationAfter(String child, Decision d) {
        if (d.isAccepted() && child != null) {
            Registration written = null;
            int found = 0;
            for (Registration r : d.registrations()) {
                if (r.child().value().equals(child)) {
                    written = r;
                    found++;
                }
            }
            if (found == 1) {
                return Optional.of(written);
            }
        }
        return child != null && ResidentId.isValid(child) ? registry.registrationOf(ResidentId.of(child)) : Optional.empty();
    }

    /**
     * The children a command names (its {@code child}, or its listed or selected {@code children}), as written;
     * empty when it names none.
     */
    public static List<String> childrenNamed(Command command) {
        return CommandCodec.probedChildren(command).orElse(List.of());
    }

    /** The registry played against. */
    public Registry registry() {
        return registry;
    }

    /**
     * A command played: the registry's decision and what the scenario observes of it.
     *
     * @param decision the registry's decision
     * @param observation the outcome, reasons, rules and states as the runner shows and checks them
     */
    public record Played(Decision decision, Observation observation) {
    }
}
