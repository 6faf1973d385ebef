package org.enrollment.examples.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.enrollment.examples.scenario.ConflictKeys.Key;

/**
 * Plays a file's commands with several in flight (一次多条): each command starts once every earlier command that
 * shares a key with it ({@link ConflictKeys}) has finished, so whatever can affect a command's decision or what is
 * observed of it happens in the file's order; what is played is handed on in the file's order, on the calling
 * thread, whatever order the commands finished in. With one at a time it is the plain loop. Commands judged
 * at once commit in whatever order the store lets them: the audit log's order is the order of the commits.
 *
 * <p>A command that fails (the store lost, a programming error) stops the play: no further command starts,
 * those under way are waited for, the threads end, what finished before it in the file's order is handed on,
 * and the first failure is thrown on the calling thread as it was thrown.
 */
final class InOrderPlay {

    /** Commands read ahead of the oldest not yet handed on, per thread. */
    private static final int AHEAD_PER_THREAD = 256;

    private final int threads;

    /** Plays up to {@code threads} commands at once; 1 plays one after another on the calling thread. */
    InOrderPlay(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, was " + threads + ".");
        }
        this.threads = threads;
    }

    /** Where the commands come from, in the file's order: {@code null} after the last. */
    interface Commands {
        ScenarioCommand next();
    }

    /**
     * Plays every command and hands each with what came of it to {@code played}, in the file's order.
     *
     * @param keys the keys of each command, asked in the file's order
     * @param play plays one command; called on the play's threads
     */
    <R> void run(Commands commands, Function<ScenarioCommand, List<Key>> keys, Function<ScenarioCommand, R> play,
                 BiConsumer<ScenarioCommand, R> played) {
        if (threads == 1) {
            for (ScenarioCommand c = commands.next(); c != null; c = commands.next()) {
                played.accept(c, play.apply(c));
            }
            return;
        }
        new Flight<>(threads, play).run(commands, keys, played);
    }

    /** One play with several commands in flight. */
    private static final class Flight<R> {

        private final Function<ScenarioCommand, R> play;
        private final ExecutorService pool;
        private final int ahead;
        private final Map<String, Holders> holders = new HashMap<>();
        private final ArrayDeque<Task> pending = new ArrayDeque<>();
        private final Object lock = new Object();
        private Throwable failure;
        private int running;

        Flight(int threads, Function<ScenarioCommand, R> play) {
            this.play = play;
            this.ahead = threads * AHEAD_PER_THREAD;
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "scenario-play-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        void run(Commands commands, Function<ScenarioCommand, List<Key>> keys, BiConsumer<ScenarioCommand, R> played) {
            try {
                ScenarioCommand next = commands.next();
                while (true) {
                    List<Task> done = new ArrayList<>();
                    synchronized (lock) {
                        while (next != null && pending.size() < ahead && failure == null) {
                            admit(new Task(next), keys.apply(next));
                            next = commands.next();
                        }
                        while (!pending.isEmpty() && !pending.peekFirst().done && failure == null
                                || failure != null && running > 0) {
                            lock.wait();
                        }
                        while (!pending.isEmpty() && pending.peekFirst().done) {
                            done.add(pending.pollFirst());
                        }
                    }
                    for (Task t : done) {
                        played.accept(t.command, t.result);
                        t.result = null;
                    }
                    synchronized (lock) {
                        if (failure instanceof Error e) {
                            throw e;
                        }
                        if (failure != null) {
                            throw (RuntimeException) failure;
                        }
                        if (next == null && pending.isEmpty()) {
                            return;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while playing the scenario.", e);
            } finally {
                pool.shutdownNow();
                awaitEnd();
            }
        }

        /** Queues the task behind every earlier holder of its keys; it starts when none is left. Under the lock. */
        private void admit(Task task, List<Key> keys) {
            pending.addLast(task);
            for (Key k : keys) {
                Holders h = holders.computeIfAbsent(k.name(), x -> new Holders());
                if (!(k.shared() && h.shared && !h.current.isEmpty())) {
                    h.before = h.current;
                    h.current = new ArrayList<>(2);
                    h.shared = k.shared();
                }
                if (h.current.size() >= 64) {
                    h.current.removeIf(t -> t.done);
                }
                h.current.add(task);
                for (Task earlier : h.before) {
                    if (!earlier.done) {
                        earlier.then.add(task);
                        task.waiting++;
                    }
                }
            }
            if (task.waiting == 0) {
                start(task);
            }
        }

        private void start(Task task) {
            running++;
            pool.execute(() -> perform(task));
        }

        private void perform(Task task) {
            R result = null;
            Throwable thrown = null;
            boolean skip;
            synchronized (lock) {
                skip = failure != null;
            }
            if (!skip) {
                try {
                    result = play.apply(task.command);
                } catch (RuntimeException | Error e) {
                    thrown = e;
                }
            }
            synchronized (lock) {
                running--;
                if (thrown != null && failure == null) {
                    failure = thrown;
                }
                if (!skip && thrown == null) {
                    task.result = result;
                    task.done = true;
                    for (Task t : task.then) {
                        if (--t.waiting == 0 && failure == null) {
                            start(t);
                        }
                    }
                    task.then = null;
                }
                lock.notifyAll();
            }
        }

        /** Waits a while for the threads to end; one stuck in a statement past that is left to its (daemon) end. */
        private void awaitEnd() {
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The holders of one key: the latest group (one writer, or readers in a row) and the group before it. */
        private final class Holders {
            List<Task> before = List.of();
            List<Task> current = new ArrayList<>(2);
            boolean shared;
        }

        /** A command in flight. Its fields are guarded by the lock. */
        private final class Task {
            final ScenarioCommand command;
            /** The tasks waiting for this one; dropped when it is done, so that finished tasks hold no later ones. */
            List<Task> then = new ArrayList<>(2);
            int waiting;
            boolean done;
            R result;

            Task(ScenarioCommand command) {
                this.command = command;
            }
        }
    }
}
