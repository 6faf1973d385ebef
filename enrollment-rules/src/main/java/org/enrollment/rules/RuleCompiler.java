package org.enrollment.rules;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles rule files into a {@link KieBase} with the executable model, each build under its own release
 * id, and checks the result before anyone judges with it.
 */
final class RuleCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    /** Tells this class loader's builds from another's that may share the Drools repository. */
    private static final String LOADER = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);

    /** How many times {@link #warmUp} builds the files. */
    private static final int WARM_UPS = 3;
    private static final AtomicBoolean WARMED = new AtomicBoolean();

    /** The name of the global every judgement gives its {@link org.enrollment.rules.facts.VerdictRecorder} as. */
    static final String VERDICT = "verdict";
    /** The metadata that marks a rule deriving facts for other rules and giving no reason itself. */
    static final String DERIVATION = "derivation";

    private RuleCompiler() {
    }

    /**
     * Vets the files, compiles them and runs the smoke check; nothing of a file that fails vetting compiles.
     *
     * @param what what is compiled, for messages (e.g. the folder)
     * @param vetting whether to vet first; off only in the tests of what vetting keeps out
     * @throws RuleLoadException listing every problem, when they fail vetting, do not compile or fail the smoke check
     */
    static CompiledRules compile(List<RuleFile> files, String what, boolean vetting) {
        long started = System.nanoTime();
        List<PreparedRuleFile> sources = PreparedRuleFile.ofAll(files, what);
        if (vetting) {
            vet(sources, what);
        }
        KieServices ks = KieServices.get();
        ReleaseId releaseId = newReleaseId();
        CompiledRules compiled;
        try {
            build(sources, releaseId, what);
            compiled = rules(ks.newKieContainer(releaseId).getKieBase(), releaseId, sources, RuleFile.fingerprint(files), false);
        } catch (RuleLoadException e) {
            ks.getRepository().removeKieModule(releaseId);
            throw e;
        } catch (RuntimeException e) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleLoadException(what, List.of(new RuleProblem("", 0, "The rule compiler failed: " + e)));
        }
        List<RuleProblem> smoke = SmokeCheck.run(compiled);
        if (!smoke.isEmpty()) {
            compiled.release();
            throw new RuleLoadException(what, smoke);
        }
        LOG.debug("Compiled {} rules of {} in {} ms", compiled.ruleNames().size(), what, (System.nanoTime() - started) / 1_000_000);
        return compiled;
    }

    private static ReleaseId newReleaseId() {
        return releaseIdOf(BUILDS.incrementAndGet());
    }

    /** The release id of the build with this number. */
    static ReleaseId releaseIdOf(long build) {
        return KieServices.get().newReleaseId("org.enrollment.rules.compiled", "policies-" + LOADER, "1." + build);
    }

    /**
     * Once per class loader, after the first folder loads: {@linkplain #warmUp(List, int) warms the compiler up}
     * with its files, {@value #WARM_UPS} builds. In a fresh JVM the first reloads took 1.5 to 2.1 s, the fourth
     * and later 0.8 to 0.9 s: the difference is the JIT compiling the rule compiler's own code.
     *
     * @param vetted the files just compiled, after vetting
     */
    static void warmUpOnce(List<RuleFile> vetted) {
        if (WARMED.compareAndSet(false, true)) {
            warmUp(vetted, WARM_UPS);
        }
    }

    /**
     * Builds the files again, up to so many times, on a daemon thread, and lets each result go (removed from the
     * Drools repository), so that the JIT has compiled the rule compiler's code before staff publish an edit.
     * Only files that passed vetting; nothing of them runs: no knowledge base, no session. It stops after the
     * build under way when another build (a reload) starts, leaving it the machine.
     *
     * @return the thread, started
     */
    static Thread warmUp(List<RuleFile> vetted, int times) {
        Thread warming = new Thread(() -> {
            try {
                List<PreparedRuleFile> sources = PreparedRuleFile.ofAll(vetted, "the warm-up");
                for (int i = 0; i < times; i++) {
                    ReleaseId id = newReleaseId();
                    long mine = BUILDS.get();
                    try {
                        kieBuild(sources, id);
                    } finally {
                        KieServices.get().getRepository().removeKieModule(id);
                    }
                    if (BUILDS.get() != mine) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("The rule compiler's warm-up stopped: {}", e.toString());
            }
        }, "enrollment-rules-warm-up");
        warming.setDaemon(true);
        warming.setPriority(Thread.MIN_PRIORITY);
        warming.start();
        return warming;
    }

    /** How many builds have been started in this class loader (each under a release id of its own). */
    static long builds() {
        return BUILDS.get();
    }

    /**
     * Vets the files.
     *
     * @throws RuleLoadException listing what vetting refused, file and line
     */
    static void vet(List<PreparedRuleFile> sources, String what) {
        List<RuleProblem> refused = new RuleVetter(RuleAllowList.SHIPPED).vet(sources);
        if (!refused.isEmpty()) {
            throw new RuleLoadException(what, refused);
        }
    }

    /**
     * Builds the executable model of the sources into the Drools repository under the release id.
     *
     * @return the module built
     * @throws RuleLoadException listing the compiler's errors, traced to file and line
     */
    static KieModule build(List<PreparedRuleFile> sources, ReleaseId releaseId, String what) {
        KieBuilder builder = kieBuild(sources, releaseId);
        String folder = RuleSource.SHIPPED_FOLDER;
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(m -> LOG.debug("Compiler error at {}:{}: {}", m.getPath(), m.getLine(), m.getText()));
            throw new RuleLoadException(what, new ProblemLocator(folder, sources).problems(errors));
        }
        builder.getResults().getMessages(Message.Level.WARNING).forEach(m -> LOG.warn("{}: {}", m.getPath(), m.getText()));
        return builder.getKieModule();
    }

    /** Builds the executable model of the sources into the Drools repository under the release id, whatever the messages. */
    private static KieBuilder kieBuild(List<PreparedRuleFile> sources, ReleaseId releaseId) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        for (PreparedRuleFile s : sources) {
            kfs.write(RESOURCES + RuleSource.SHIPPED_FOLDER + s.compiledName(),
                    ks.getResources().newByteArrayResource(s.drl().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8.name()));
        }
        return ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
    }

    /** The compiled rule set of a rule base built from these sources, whose files have this {@linkplain RuleFile#fingerprint fingerprint}. */
    static CompiledRules rules(KieBase kieBase, ReleaseId releaseId, List<PreparedRuleFile> sources, String fingerprint, boolean precompiled) {
        return new CompiledRules(kieBase, releaseId, ruleNames(kieBase, false), ruleNames(kieBase, true),
                declaresVerdict(kieBase), ruleLines(sources), fingerprint, precompiled);
    }

    private static Set<String> ruleNames(KieBase kieBase, boolean derivationsOnly) {
        Set<String> names = new LinkedHashSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (!derivationsOnly || r.getMetaData().containsKey(DERIVATION)) {
                    names.add(r.getName());
                }
            }
        }
        return names;
    }

    private static boolean declaresVerdict(KieBase kieBase) {
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Global g : p.getGlobalVariables()) {
                if (g.getName().equals(VERDICT)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, SourceLine> ruleLines(List<PreparedRuleFile> sources) {
        Map<String, SourceLine> lines = new HashMap<>();
        for (PreparedRuleFile s : sources) {
            s.rules().forEach(lines::putIfAbsent);
        }
        return lines;
    }
}
