package org.enrollment.rules;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reloads one at a time, each within a time budget (重新加载). The compile and smoke check run on a worker
 * thread of their own; the caller waits at most the budget. A reload asked for while one runs is answered at
 * once; a reload past its budget, or one that runs out of memory, is refused and the rules in force stay. A
 * worker still running after its caller gave up keeps the next reloads out until it ends (what it compiled is
 * let go).
 */
final class Reloader {

    private final Semaphore one = new Semaphore(1);
    private final Duration budget;

    Reloader(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("The reload budget must be positive, was " + budget + ".");
        }
        this.budget = budget;
    }

    /**
     * Compiles on a worker thread and, if that ends within the budget with rules, hands them to {@code swap}.
     *
     * @param what what is reloaded, for messages
     */
    ReloadResult reload(Supplier<CompiledRules> compile, Consumer<CompiledRules> swap, String what) {
        long started = System.nanoTime();
        if (!one.tryAcquire()) {
            return refused(started, "A reload of " + what + " is in progress; the rules in force stay."
                    + "\nMaybe reload again when it has ended.");
        }
        CompletableFuture<CompiledRules> work = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                work.complete(compile.get());
            } catch (Throwable e) { // an OutOfMemoryError or a StackOverflowError too: the caller reports it
                work.completeExceptionally(e);
            }
        }, "enrollment-rules-reload");
        worker.setDaemon(true);
        worker.start();
        try {
            CompiledRules fresh = work.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            swap.accept(fresh);
            one.release();
            return new ReloadResult(true, List.of(), Duration.ofNanos(System.nanoTime() - started));
        } catch (ExecutionException e) {
            one.release();
            Throwable cause = e.getCause();
            if (cause instanceof RuleLoadException bad) {
                return new ReloadResult(false, bad.problems(), Duration.ofNanos(System.nanoTime() - started));
            }
            return refused(started, cause instanceof OutOfMemoryError
                    ? "The reload of " + what + " ran out of memory; the rules in force stay.\nMaybe a rule allocates without end."
                    : "The reload of " + what + " failed: " + cause + "; the rules in force stay.");
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            work.whenComplete((abandoned, error) -> {
                if (abandoned != null) {
                    abandoned.release();
                }
                one.release();
            });
            worker.interrupt();
            return refused(started, "The reload of " + what + " took longer than its budget of " + budget.toMillis()
                    + " ms (compile and smoke check); the rules in force stay.\nMaybe a rule loops, or the machine is"
                    + " very busy: reload again, or give a larger budget.");
        }
    }

    private static ReloadResult refused(long started, String message) {
        return new ReloadResult(false, List.of(new RuleProblem("", 0, message)), Duration.ofNanos(System.nanoTime() - started));
    }
}
