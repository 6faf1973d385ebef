package org.enrollment.examples.impact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Decision;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.District;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.examples.RuleSet;
import org.enrollment.examples.scenario.Funnel;
import org.enrollment.examples.scenario.ScenarioCommand;
import org.enrollment.examples.scenario.ScenarioPlayer;

/**
 * One side of an impact replay (一方回放): a rule set's fresh registry, playing the season's commands in order on a
 * thread of its own, so that the two sides run at once. Its store counts audit entries and keeps none
 * ({@link CountingAuditTrail}). Everything it holds is read only once the batches handed to it have come back.
 */
final class SideReplay implements AutoCloseable {

    private final RuleSet rules;
    private final ScenarioPlayer player;
    private final ExecutorService thread;
    /** How often each rule fired, counted on the side's thread in a box of its own (no {@code Long} per firing). */
    private final Map<String, long[]> fired = new HashMap<>();

    SideReplay(Season season, RuleSet rules, String name) {
        this.rules = rules;
        this.player = new ScenarioPlayer(season, rules.engine(), new InMemoryRegistrationStore(new CountingAuditTrail()));
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Plays the commands after those handed over before; what each came to comes back in their order. */
    Future<List<Step>> play(List<ScenarioCommand> batch) {
        return thread.submit(() -> {
            List<Step> steps = new ArrayList<>(batch.size());
            for (ScenarioCommand c : batch) {
                Decision d = player.decide(c);
                for (String r : d.rulesFired()) {
                    fired.computeIfAbsent(r, x -> new long[1])[0]++;
                }
                List<String> named = ScenarioPlayer.childrenNamed(c.command());
                steps.add(new Step(d, player.registrationAfter(named.isEmpty() ? null : named.get(0), d)));
            }
            return steps;
        });
    }

    /**
     * What the side's store ends with, read on the side's own thread once the batches handed over before are played,
     * so that both sides read theirs at once: the funnel, and each child's registration at the end (as
     * {@link Registry#registrationOf} reads it; {@code null} for none, or a name that is no resident ID).
     */
    Future<Ending> end(List<String> children, List<District> districts) {
        return thread.submit(() -> {
            Registration[] ends = new Registration[children.size()];
            for (int i = 0; i < ends.length; i++) {
                String id = children.get(i);
                ends[i] = ResidentId.isValid(id) ? player.registry().registrationOf(ResidentId.of(id)).orElse(null) : null;
            }
            return new Ending(Funnel.of(player.registry().store(), districts), ends);
        });
    }

    /** What a batch or the ending came to, waiting for it; a failure on the side's thread is thrown here as it was thrown there. */
    static <T> T done(Future<T> batch) {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("An impact replay's side failed.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("An impact replay was interrupted.", e);
        }
    }

    RuleSet rules() {
        return rules;
    }

    /** How often each rule fired; read it once every batch has come back. */
    Map<String, Long> fired() {
        Map<String, Long> counts = new HashMap<>();
        fired.forEach((r, n) -> counts.put(r, n[0]));
        return counts;
    }

    /** Stops the side's thread, abandoning batches not played yet. */
    @Override
    public void close() {
        thread.shutdownNow();
    }

    /**
     * A command played on one side.
     *
     * @param decision the registry's decision
     * @param registration the registration of the first child the command names, right after it, if there is one
     */
    record Step(Decision decision, Optional<Registration> registration) {
    }

    /**
     * What a side's store ends with.
     *
     * @param funnel the funnel per district
     * @param ends each child's registration at the end, in the order asked; {@code null} for none
     */
    record Ending(Funnel funnel, Registration[] ends) {
    }
}
