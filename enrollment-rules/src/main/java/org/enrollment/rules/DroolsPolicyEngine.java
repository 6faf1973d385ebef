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
 * <p>The rules in force are one immutable compiled rule set behind a volatile reference. {@link #reload()}
 * compiles the folder on the caller's thread, smoke-checks the result and only then swaps it in, so a
 * judgement sees the old rules or the new ones, never a mix; a folder that does not compile leaves the
 * rules in force as they were and says what is wrong, file and line. Safe for any number of threads.
 */
public final class DroolsPolicyEngine implements PolicyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsPolicyEngine.class);

    private final RuleSource source;
    private final Object reloading = new Object();
    private volatile CompiledRules rules;

    private DroolsPolicyEngine(RuleSource source, CompiledRules rules) {
        this.source = source;
        this.rules = rules;
    }

    /**
     * The rules shipped in the jar. Their executable model is generated when the library is built and loaded
     * once per class loader, on first use (under a second; a few seconds when it has to compile the files, e.g.
     * when they changed after the build), and shared by every engine this returns.
     *
     * @throws IllegalStateException when the shipped rules do not compile (a broken build)
     */
    public static DroolsPolicyEngine shipped() {
        return new DroolsPolicyEngine(RuleSource.shipped(), Shipped.RULES);
    }

    /**
     * The rule files directly in a folder: {@code *.drl} and decision tables ({@code *.drl.csv},
     * {@code *.drl.xls}, {@code *.drl.xlsx}), UTF-8.
     *
     * @throws RuleLoadException listing every problem (file, line, message) when the folder cannot be read,
     *         its files do not compile, or they fail the smoke check
     */
    public static DroolsPolicyEngine fromFolder(Path folder) {
        RuleSource source = RuleSource.folder(folder);
        CompiledRules compiled = RuleCompiler.compile(source.read(), source.toString());
        LOG.info("Loaded {} rules from {}", compiled.ruleNames().size(), source);
        return new DroolsPolicyEngine(source, compiled);
    }

    /**
     * Compiles the folder again and, when it compiles and passes the smoke check, puts its rules in force in
     * one step. Judgements under way finish with the rules they started with. Reloads are one at a time;
     * judging never waits for one. For the shipped rules there is nothing to reload.
     *
     * @return whether the rules were swapped, and the problems (file, line, message) when not; never throws
     *         for bad rules
     */
    public ReloadResult reload() {
        long started = System.nanoTime();
        if (!source.reloadable()) {
            return new ReloadResult(false, List.of(), Duration.ofNanos(System.nanoTime() - started));
        }
        synchronized (reloading) {
            CompiledRules fresh;
            try {
                fresh = RuleCompiler.compile(source.read(), source.toString());
            } catch (RuleLoadException e) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                LOG.warn("Reload of {} refused after {} ms; the rules in force stay. {}", source, took.toMillis(), e.getMessage());
                return new ReloadResult(false, e.problems(), took);
            }
            CompiledRules old = rules;
            rules = fresh;
            old.release();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Reloaded {}: {} rules in force after {} ms", source, fresh.ruleNames().size(), took.toMillis());
            return new ReloadResult(true, List.of(), took);
        }
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
     * @return the reasons the rules gave and the names of the rules that fired
     * @throws IllegalStateException when the rules loop (more than 10,000 firings)
     */
    @Override
    public PolicyVerdict judge(PolicyQuestion question) {
        Objects.requireNonNull(question, "question");
        return rules.judge(question);
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
                        () -> RuleCompiler.compile(RuleSource.shipped().read(), RuleSource.shipped().toString()));
                LOG.info("Loaded the {} shipped rules ({}) in {} ms", compiled.ruleNames().size(),
                        compiled.precompiled() ? "precompiled at build time" : "compiled now", (System.nanoTime() - started) / 1_000_000);
                return compiled;
            } catch (RuleLoadException e) {
                throw new IllegalStateException("The shipped rules do not compile; this is a bug in the build.\n" + e.getMessage(), e);
            }
        }
    }
}
