package org.enrollment.rules;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.builder.InternalKieBuilder;
import org.kie.internal.builder.conf.ExternaliseCanonicalModelLambdaOption;
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

    /** How many times {@link #warmUpOnce} compiles the files, at most, and for how long. */
    private static final int WARM_UPS = 4;
    private static final long WARM_UP_NANOS = Duration.ofSeconds(10).toNanos();
    private static final AtomicBoolean WARMED = new AtomicBoolean();

    /** The name of the global every judgement gives its {@link org.enrollment.rules.facts.VerdictRecorder} as. */
    static final String VERDICT = "verdict";
    /** The name of the one rule base every build's module declares. */
    static final String KIE_BASE = "rules";
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
        return compile(files, what, vetting, true);
    }

    /**
     * As {@link #compile(List, String, boolean)}; each file's model {@linkplain FileModels built on its own}, and
     * with {@code reuse} taken from the last builds when the file is as it was; the files built together, as one
     * module, when they cannot be built one by one (that build reports their errors).
     */
    private static CompiledRules compile(List<RuleFile> files, String what, boolean vetting, boolean reuse) {
        long started = System.nanoTime();
        List<PreparedRuleFile> sources = PreparedRuleFile.ofAll(files, what);
        if (vetting) {
            vet(sources, what);
        }
        String fingerprint = RuleFile.fingerprint(files);
        CompiledRules compiled;
        try {
            Optional<KieBase> fileByFile = FileModels.kieBase(sources, reuse);
            compiled = fileByFile.isPresent() ? rules(fileByFile.get(), null, sources, fingerprint, false)
                    : together(sources, fingerprint, what);
        } catch (RuleLoadException e) {
            throw e;
        } catch (RuntimeException e) {
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

    /** The files built together as one module, which stays in the Drools repository until the rules are released. */
    private static CompiledRules together(List<PreparedRuleFile> sources, String fingerprint, String what) {
        KieServices ks = KieServices.get();
        ReleaseId releaseId = newReleaseId();
        try {
            build(sources, releaseId, what);
            return rules(ks.newKieContainer(releaseId).getKieBase(), releaseId, sources, fingerprint, false);
        } catch (RuntimeException e) { // a RuleLoadException too
            ks.getRepository().removeKieModule(releaseId);
            throw e;
        }
    }

    /** A release id not used before in this class loader. */
    static ReleaseId newReleaseId() {
        return releaseIdOf(BUILDS.incrementAndGet());
    }

    /** The release id of the build with this number. */
    static ReleaseId releaseIdOf(long build) {
        return KieServices.get().newReleaseId("org.enrollment.rules.compiled", "policies-" + LOADER, "1." + build);
    }

    /**
     * Once per class loader, in the first {@code fromFolder}: {@linkplain #warmUp compiles the files again}, as a
     * reload does, up to {@value #WARM_UPS} times or for 10 s, so that the first reload finds the rule compiler's
     * own code compiled by the JIT. In a fresh JVM the first reloads took 2 to 3 times as long as the sixth; a
     * warm-up on a thread of its own after {@code fromFolder} returned competed with the first reload for the cores.
     *
     * @param vetted the files just compiled, after vetting
     */
    static void warmUpOnce(List<RuleFile> vetted) {
        if (WARMED.compareAndSet(false, true)) {
            warmUp(vetted, WARM_UPS, WARM_UP_NANOS);
        }
    }

    /**
     * Compiles the files, vetting to smoke check, each file built afresh (no model kept from an earlier build is
     * taken), up to so many times or until the time is up, and lets each result go (nothing stays in the Drools
     * repository). Only files that compiled and passed the smoke check before.
     *
     * @return how many times they were compiled
     */
    static int warmUp(List<RuleFile> vetted, int times, long nanos) {
        long started = System.nanoTime();
        int done = 0;
        try {
            while (done < times && System.nanoTime() - started < nanos) {
                compile(vetted, "the warm-up", true, false).release();
                done++;
            }
        } catch (RuntimeException e) {
            LOG.debug("The rule compiler's warm-up stopped: {}", e.toString());
        }
        LOG.debug("Warmed the rule compiler up: {} builds in {} ms", done, (System.nanoTime() - started) / 1_000_000);
        return done;
    }

    /**
     * How many modules have been built in this class loader (a file on its own, or the files together), each under a
     * release id of its own.
     */
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
        KieBuilder builder = kieBuild(sources, releaseId, false);
        String folder = RuleSource.SHIPPED_FOLDER;
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            // built again with a class per lambda: an error in the generated Java then names a line the rule files have
            errors = kieBuild(sources, releaseId, true).getResults().getMessages(Message.Level.ERROR);
            errors.forEach(m -> LOG.debug("Compiler error at {}:{}: {}", m.getPath(), m.getLine(), m.getText()));
            throw new RuleLoadException(what, new ProblemLocator(folder, sources).problems(errors));
        }
        builder.getResults().getMessages(Message.Level.WARNING).forEach(m -> LOG.warn("{}: {}", m.getPath(), m.getText()));
        return builder.getKieModule();
    }

    /** Builds the executable model of the sources into the Drools repository under the release id, whatever the messages. */
    static KieBuilder kieBuild(List<PreparedRuleFile> sources, ReleaseId releaseId, boolean lambdaClasses) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        for (PreparedRuleFile s : sources) {
            kfs.write(RESOURCES + RuleSource.SHIPPED_FOLDER + s.compiledName(),
                    ks.getResources().newByteArrayResource(s.drl().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8.name()));
        }
        return ((InternalKieBuilder) ks.newKieBuilder(kfs)).withKModuleModel(moduleModel(lambdaClasses)).buildAll(ExecutableModelProject.class);
    }

    /**
     * The module every build makes: one default rule base of every package, its lambdas kept inside the generated
     * rule classes ({@code drools.externaliseCanonicalModelLambda} off) rather than a class each. The shipped files
     * then generate 20 classes instead of 98, and the in-memory Java compile (ECJ), over half of a reload's time,
     * has a third less to do. Set here, for these builds only: a host's own Drools builds keep their settings. A
     * build that failed is made again with a class per lambda, whose errors {@link ProblemLocator} traces to lines.
     */
    private static KieModuleModel moduleModel(boolean lambdaClasses) {
        KieModuleModel module = KieServices.get().newKieModuleModel()
                .setConfigurationProperty(ExternaliseCanonicalModelLambdaOption.PROPERTY_NAME, String.valueOf(lambdaClasses));
        module.newKieBaseModel(KIE_BASE).addPackage("*").setDefault(true);
        return module;
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
