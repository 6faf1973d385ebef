package org.enrollment.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policies of DESIGN.md §5 run by Drools 10: one rule file per policy, compiled once (executable model)
 * into a rule set that every judgement shares, a session of its own per judgement (pooled, emptied after use).
 *
 * <pre>{@code
 * PolicyEngine policies = DroolsPolicyEngine.shipped();                 // the rules in the jar
 * DroolsPolicyEngine edited = DroolsPolicyEngine.fromFolder(rulesDir);  // a folder the staff edit
 * ReloadResult r = edited.reload();                                     // publish an edit
 * }</pre>
 *
 * <p>The rules in force are one immutable compiled rule set behind a volatile reference. Every file is vetted
 * before it compiles (see {@code rule-allow-list.txt}): a file that does something a policy does not need is
 * refused, file and line, and nothing of it runs. {@link #reload()} vets and compiles the folder on a worker
 * thread within a time budget, smoke-checks the result and only then swaps it in, so a judgement sees the old
 * rules or the new ones, never a mix; a folder that is refused leaves the rules in force as they were and says
 * what is wrong. A judgement is bounded by a {@link JudgingBudget}; a rule that throws or a judgement past the
 * budget refuses the command with {@code POLICY_FAILED}, never an exception. Safe for any number of threads.
 */
public final class DroolsPolicyEngine implements PolicyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsPolicyEngine.class);

    /** How long a reload (vetting, compile and smoke check) may take by default. */
    public static final Duration RELOAD_BUDGET = Duration.ofSeconds(60);

    private final RuleSource source;
    private final JudgingBudget budget;
    private final Reloader reloader;
    private final boolean vetting;
    private final AtomicLong failures = new AtomicLong();
    private volatile CompiledRules rules;

    private DroolsPolicyEngine(RuleSource source, CompiledRules rules, JudgingBudget budget, Duration reloadBudget, boolean vetting) {
        this.source = source;
        this.rules = rules;
        this.budget = Objects.requireNonNull(budget, "budget");
        this.reloader = new Reloader(Objects.requireNonNull(reloadBudget, "reloadBudget"));
        this.vetting = vetting;
    }

    /**
     * The rules shipped in the jar. Their executable model is generated when the library is built and loaded
     * once per class loader, on first use (under a second; a few seconds when it has to compile the files, e.g.
     * when they changed after the build), and shared by every engine this returns.
     *
     * @throws IllegalStateException when the shipped rules do not compile (a broken build)
     */
    public static DroolsPolicyEngine shipped() {
        return new DroolsPolicyEngine(RuleSource.shipped(), Shipped.RULES, JudgingBudget.DEFAULT, RELOAD_BUDGET, true);
    }

    /**
     * The rule files directly in a folder: {@code *.drl} and decision tables ({@code *.drl.csv},
     * {@code *.drl.xls}, {@code *.drl.xlsx}), UTF-8.
     *
     * Judged within {@link JudgingBudget#DEFAULT}, reloaded within {@link #RELOAD_BUDGET}.
     *
     * @throws RuleLoadException listing every problem (file, line, message) when the folder cannot be read,
     *         its files fail vetting, do not compile, or fail the smoke check
     */
    public static DroolsPolicyEngine fromFolder(Path folder) {
        return fromFolder(folder, JudgingBudget.DEFAULT, RELOAD_BUDGET);
    }

    /**
     * The rule files directly in a folder, judged within this budget and reloaded within that time.
     *
     * @throws RuleLoadException as {@link #fromFolder(Path)}
     */
    public static DroolsPolicyEngine fromFolder(Path folder, JudgingBudget budget, Duration reloadBudget) {
        return fromFolder(folder, budget, reloadBudget, true);
    }

    /**
     * The rule files of a folder, to judge a replay with (a scenario run, an impact run, a check of edited rules):
     * vetted, compiled and smoke-checked as by {@link #fromFolder(Path)}, but without the warm-up the first
     * {@code fromFolder} in a JVM spends (up to 10 s of the rule compiler's time) so that the reloads that follow
     * are fast. Such an engine reloads too; only its first reloads are slower.
     *
     * @throws RuleLoadException as {@link #fromFolder(Path)}
     */
    public static DroolsPolicyEngine forReplay(Path folder) {
        return load(folder, JudgingBudget.DEFAULT, RELOAD_BUDGET, true, false);
    }

    /** As {@link #fromFolder(Path, JudgingBudget, Duration)}; without vetting only for the tests of what vetting keeps out. */
    static DroolsPolicyEngine fromFolder(Path folder, JudgingBudget budget, Duration reloadBudget, boolean vetting) {
        return load(folder, budget, reloadBudget, vetting, vetting);
    }

    private static DroolsPolicyEngine load(Path folder, JudgingBudget budget, Duration reloadBudget, boolean vetting, boolean warmUp) {
        RuleSource source = RuleSource.folder(folder);
        List<RuleFile> files = source.read();
        CompiledRules compiled = RuleCompiler.compile(files, source.toString(), vetting);
        if (warmUp) {
            RuleCompiler.warmUpOnce(files);
        }
        LOG.info("Loaded {} rules from {}", compiled.ruleNames().size(), source);
        return new DroolsPolicyEngine(source, compiled, budget, reloadBudget, vetting);
    }

    /**
     * Vets the folder again, compiles the files that changed since they were last compiled (each file is built on
     * its own; those that need each other together) and, when it passes and passes the smoke check, puts its rules
     * in force in one step. Judgements under way finish with the rules they started with; judging never waits for a
     * reload. Reloads are one at a time: while one runs, another returns at once, refused, saying so. A reload
     * past its time budget or out of memory is refused and the rules in force stay. For the shipped rules there
     * is nothing to reload.
     *
     * @return whether the rules were swapped, and the problems (file, line, message) when not; never throws
     *         for bad rules
     */
    public ReloadResult reload() {
        if (!source.reloadable()) {
            return new ReloadResult(false, List.of(), Duration.ZERO);
        }
        ReloadResult result = reloader.reload(() -> RuleCompiler.compile(source.read(), source.toString(), vetting), fresh -> {
            CompiledRules old = rules;
            rules = fresh;
            old.release();
        }, source.toString());
        if (result.swapped()) {
            LOG.info("Reloaded {}: {} rules in force after {} ms", source, rules.ruleNames().size(), result.took().toMillis());
        } else {
            LOG.warn("Reload of {} refused after {} ms; the rules in force stay. {}", source, result.took().toMillis(), result.problems());
        }
        return result;
    }

    /**
     * How many judgements the rules could not finish (a rule threw, or the judgement went past its budget) since
     * this engine was made; each was refused with {@code POLICY_FAILED} and logged at WARN with the rule set.
     */
    public long policyFailures() {
        return failures.get();
    }

    /**
     * The fingerprint of the rule set in force (规则集指纹): the SHA-256, in hex, of its files' names and bytes in
     * name order; it changes with every reload that swaps the rules.
     */
    @Override
    public String fingerprint() {
        return rules.fingerprint();
    }

    /** The names of all rules in force, sorted. */
    public Set<String> ruleNames() {
        return rules.ruleNames();
    }

    /** The compiled rules in force now. */
    CompiledRules inForce() {
        return rules;
    }

    /**
     * The names of the rules in force that derive facts for other rules (marked {@code @derivation}, e.g. the
     * boarding grace that keeps the window open) and give no reason themselves. They are among the rules a
     * verdict says fired.
     */
    public Set<String> derivationRuleNames() {
        return rules.derivations();
    }

    /**
     * Judges a command with the rules in force.
     *
     * @return the reasons the rules gave, the names of the rules that fired and the fingerprint of the rules that
     *         judged (those in force when it began, whatever a reload swaps in meanwhile); when a rule throws, or the
     *         judgement goes past its {@link JudgingBudget}, a refusal with {@code POLICY_FAILED} naming the rule
     */
    @Override
    public PolicyVerdict judge(PolicyQuestion question) {
        Objects.requireNonNull(question, "question");
        CompiledRules inForce = rules;
        CompiledRules.Judged judged = inForce.judge(question, budget);
        judged.failure().ifPresent(f -> LOG.warn("Rule \"{}\" of {} ({}) failed judging a {}: {}; refused with POLICY_FAILED"
                        + " ({} so far). Maybe fix or roll back the rule files.", f.rule(), source, inForce, question.kind().text(),
                f.what(), failures.incrementAndGet()));
        return judged.verdict().judgedBy(inForce.fingerprint());
    }

    /**
     * Copies the shipped rule files into a folder, as the starting point for an edit. Existing files are
     * left alone.
     *
     * @return the files written
     * @throws java.nio.file.FileAlreadyExistsException when the folder already has a file of that name
     * @throws IOException when the folder cannot be created or written
     */
    public static List<Path> exportShippedRules(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (RuleFile f : RuleSource.shipped().read()) {
            written.add(Files.write(folder.resolve(f.name()), f.content(), StandardOpenOption.CREATE_NEW));
        }
        return written;
    }

    /** The names of the shipped rule files, in the order the jar's index lists them. */
    public static List<String> shippedRuleFiles() {
        return RuleSource.shippedNames();
    }

    @Override
    public String toString() {
        return "DroolsPolicyEngine[" + source + ", " + rules.ruleNames().size() + " rules]";
    }

    /** The shipped rules, compiled on first use. */
    private static final class Shipped {

        static final CompiledRules RULES = compile();

        private static CompiledRules compile() {
            long started = System.nanoTime();
            try {
                CompiledRules compiled = ShippedModel.load().orElseGet(
                        () -> RuleCompiler.compile(RuleSource.shipped().read(), RuleSource.shipped().toString(), true));
                LOG.debug("Loaded the {} shipped rules ({}) in {} ms", compiled.ruleNames().size(),
                        compiled.precompiled() ? "precompiled at build time" : "compiled now", (System.nanoTime() - started) / 1_000_000);
                return compiled;
            } catch (RuleLoadException e) {
                throw new IllegalStateException("The shipped rules do not compile; this is a bug in the build.\n" + e.getMessage(), e);
            }
        }
    }
}
