package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;

/**
 * The rule compiler's warm-up after the first folder loads: its builds leave nothing in the Drools repository,
 * and a build that starts (a reload) stops it.
 */
class CompilerWarmUpTest {

    private static final List<RuleFile> SHIPPED = RuleSource.shipped().read();

    /** Waits for a warm-up an earlier test's {@code fromFolder} may have started, so that the builds counted are ours. */
    @BeforeEach
    void noOtherWarmUp() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("enrollment-rules-warm-up")) {
                t.join(TimeUnit.MINUTES.toMillis(2));
            }
        }
    }

    @Test
    void itsBuildsLeaveNothingInTheRepository() throws InterruptedException {
        long before = RuleCompiler.builds();

        Thread warming = RuleCompiler.warmUp(SHIPPED, 2);
        warming.join(TimeUnit.MINUTES.toMillis(2));

        assertThat(warming.isAlive()).isFalse();
        assertThat(RuleCompiler.builds() - before).isEqualTo(2);
        for (long b = before + 1; b <= before + 2; b++) {
            assertThat(KieServices.get().getRepository().getKieModule(RuleCompiler.releaseIdOf(b))).as("build %d", b).isNull();
        }
    }

    @Test
    void aBuildThatStartsStopsIt() throws InterruptedException {
        long before = RuleCompiler.builds();
        Thread warming = RuleCompiler.warmUp(SHIPPED, 1_000);

        CompiledRules compiled = RuleCompiler.compile(SHIPPED, "the shipped files", true);
        warming.join(TimeUnit.MINUTES.toMillis(2));

        assertThat(warming.isAlive()).as("still warming up after %d builds", RuleCompiler.builds() - before).isFalse();
        assertThat(RuleCompiler.builds() - before).isLessThan(10);
        assertThat(KieServices.get().getRepository().getKieModule(compiled.releaseId())).isNotNull();
        compiled.release();
    }
}
