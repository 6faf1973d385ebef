package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

/**
 * The rule compiler's warm-up in the first {@code fromFolder}: its builds leave nothing in the Drools repository
 * and it stops when its time is up; and what a build generates: the lambdas inside the rule classes, not a class each.
 */
class CompilerWarmUpTest {

    private static final List<RuleFile> SHIPPED = RuleSource.shipped().read();

    @Test
    void itsBuildsLeaveNothingInTheRepository() {
        long before = RuleCompiler.builds();

        int done = RuleCompiler.warmUp(SHIPPED, 2, Long.MAX_VALUE);

        assertThat(done).isEqualTo(2);
        assertThat(RuleCompiler.builds() - before).as("each file built afresh each time").isEqualTo(2L * SHIPPED.size());
        for (long b = before + 1; b <= RuleCompiler.builds(); b++) {
            assertThat(KieServices.get().getRepository().getKieModule(RuleCompiler.releaseIdOf(b))).as("build %d", b).isNull();
        }
    }

    @Test
    void itStopsWhenItsTimeIsUp() {
        long before = RuleCompiler.builds();

        assertThat(RuleCompiler.warmUp(SHIPPED, 1_000, 0)).isZero();
        assertThat(RuleCompiler.builds()).isEqualTo(before);
    }

    @Test
    void anEngineForAReplayBuildsEachFileAtMostOnce(@TempDir Path folder) throws IOException {
        List<Path> files = DroolsPolicyEngine.exportShippedRules(folder);
        Files.writeString(folder.resolve("eligibility.drl"), "\n// " + UUID.randomUUID() + "\n", StandardOpenOption.APPEND);
        long before = RuleCompiler.builds();

        DroolsPolicyEngine engine = DroolsPolicyEngine.forReplay(folder);

        assertThat(engine.ruleNames()).isNotEmpty();
        assertThat(RuleCompiler.builds() - before).as("no warm-up builds").isBetween(1L, (long) files.size());
    }

    @Test
    void aBuildKeepsTheLambdasInsideTheRuleClasses() {
        List<PreparedRuleFile> sources = PreparedRuleFile.ofAll(SHIPPED, "the shipped files");
        ReleaseId id = RuleCompiler.releaseIdOf(-RuleCompiler.builds() - 1);
        try {
            InternalKieModule module = (InternalKieModule) RuleCompiler.build(sources, id, "the shipped files");
            List<String> classes = module.getFileNames().stream().filter(n -> n.endsWith(".class")).toList();

            assertThat(classes).anyMatch(n -> n.contains("RuleMethods")).noneMatch(n -> n.contains("Lambda"));
            assertThat(classes).hasSizeLessThan(40);
        } finally {
            KieServices.get().getRepository().removeKieModule(id);
        }
    }
}
