package org.enrollment.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.enrollment.core.audit.tlog.SigningKey;
import org.enrollment.examples.log.CheckpointOptions;
import org.enrollment.examples.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code run FILE...}: replays scenario files and says, line by line, where the outcome differs. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Replays scenario files (SCENARIOS.md), each against a fresh registry: one JSON object a line "
                + "for each command, then a summary."},
        exitCodeList = {"0:every expectation held", "1:an expectation did not hold (shown with expected and actual)",
                "2:a file itself is wrong (line and field named); nothing ran"})
final class RunCommand extends Verb {

    /** Commands in flight on a JDBC store unless {@code --connections} says otherwise. */
    static final int JDBC_CONNECTIONS = 8;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (JSON Lines).")
    private List<Path> files;

    @Option(names = "--rules", paramLabel = "DIR", description = "Judge with the rule files in DIR instead of the shipped rules.")
    private Path rules;

    @Option(names = "--store", paramLabel = "URL", defaultValue = "memory",
            description = "The store: memory (the default), or a jdbc:postgresql: or jdbc:h2: URL; each scenario file gets a fresh schema there.")
    private String store;

    @Mixin
    private AuditOptions auditLog;

    @Mixin
    private CheckpointOptions signing;

    @Option(names = "--connections", paramLabel = "N",
            description = {"With a jdbc: store, play up to N commands at once, each on a connection of its own (default "
                    + JDBC_CONNECTIONS + "; 1 plays one after another). Commands that may affect each other (the same child, "
                    + "a school's places and lists, a district's number counter) still run in the file's order, so every "
                    + "decision, state, number and output line is the one-at-a-time play's; the audit log holds the entries "
                    + "in the order of their commits. The memory store plays one after another."})
    private Integer connections;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "8388608",
            description = "Refuse, as a file error naming the line, any line longer than N bytes (default ${DEFAULT-VALUE}).")
    private int maxLineBytes;

    @Override
    public Integer call() {
        if (maxLineBytes < 1) {
            throw new ParameterException(spec.commandLine(), "--max-line-bytes " + maxLineBytes + ": must be 1 or more.");
        }
        boolean memory = "memory".equals(store);
        int atOnce = connections == null ? memory ? 1 : JDBC_CONNECTIONS : connections;
        if (atOnce < 1 || memory && atOnce > 1) {
            throw new ParameterException(spec.commandLine(), "--connections " + atOnce + ": "
                    + (memory ? "the memory store plays one command after another.\nMaybe give a --store jdbc:... URL, or leave --connections out."
                    : "must be 1 or more."));
        }
        Path audit = auditLog.audit();
        var stores = EnrollmentCli.stores(spec.commandLine(), store, atOnce);
        if (signing.asked() && files.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--checkpoint signs the audit log of one scenario file, not " + files.size() + ".");
        }
        Optional<SigningKey> logKey = signing.key(audit);
        byte[] childKey = auditLog.childKey(!memory);
        if (childKey == null && !memory) {
            throw new ParameterException(spec.commandLine(), "--store " + JdbcUrls.withoutSecrets(store)
                    + " outlives the run, so it needs --child-key FILE (the key its log is written under).");
        }
        Optional<RuleSet> loaded = cli().rules(rules);
        if (loaded.isEmpty()) {
            return EnrollmentCli.NOTHING_RAN;
        }
        RuleSet ruleSet = loaded.get();
        ScenarioRunner runner = new ScenarioRunner(ruleSet.engine(), stores, childKey, spec.commandLine().getOut(),
                spec.commandLine().getErr()).withMaxLineBytes(maxLineBytes).withConnections(atOnce);
        int code = runner.run(files, audit, o -> { });
        if (code == ScenarioRunner.ALL_MET && logKey.isPresent()) {
            return signing.write(logKey.get(), audit) ? code : ScenarioRunner.MISSED;
        }
        return code;
    }
}
