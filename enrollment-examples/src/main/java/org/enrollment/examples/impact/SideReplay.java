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
import org.enrollment.core.command.Decision;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.examples.RuleSet;
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
    /** How often each rule fired; counted on the side's thread. */
    private final Map<String, Long> fired = new HashMap<>();

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
                    fired.merge(r, 1L, Long::sum);
                }
                List<String> named = ScenarioPlayer.childrenNamed(c.command());
                steps.add(new Step(d, player.registrationAfter(named.isEmpty() ? null : named.get(0), d)));
            }
            return steps;
        });
    }

    /** What a batch came to, waiting for it; a failure on the side's thread is thrown here as it was thrown there. */
    static List<Step> done(Future<List<Step>> batch) {
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

    /** The registry played against; read it once every batch has come back. */
    Registry registry() {
        return player.registry();
    }

    /** How often each rule fired; read it once every batch has come back. */
    Map<String, Long> fired() {
        return fired;
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
}
