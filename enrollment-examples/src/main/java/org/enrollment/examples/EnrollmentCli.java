package org.enrollment.examples;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.core.store.RegistrationStore;
import org.enrollment.examples.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of the library: {@code java -jar enrollment.jar run|simulate|check-rules|bench ...}.
 */
@Command(name = "enrollment", mixinStandardHelpOptions = true, version = "enrollment 0.1.0",
        description = "Beijing primary-school pre-enrollment (入学前信息采集): replay scenario files, simulate a season, check edited rules.",
        subcommands = {RunCommand.class, SimulateCommand.class, CheckRulesCommand.class, ImpactCommand.class, RulesCommand.class,
                CheckStoreCommand.class,
                BenchCommand.class, org.enrollment.examples.log.LogCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every expectation held", "1:an expectation did not hold, or the audit log did not check out",
                "2:an option, file, folder or database is wrong or cannot be reached (one line names it); nothing ran",
                "3:an internal error"})
public final class EnrollmentCli implements Runnable {

    /** The exit code of a wrong file, folder or option: nothing ran. */
    static final int NOTHING_RAN = 2;
    /** The exit code of an internal error. */
    static final int INTERNAL_ERROR = 3;

    private final PolicySource policies;

    @Spec
    private CommandSpec spec;

    /** A command line judging with policies from this source. */
    public EnrollmentCli(PolicySource policies) {
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /** The option that brings the library's and its dependencies' INFO lines, and an internal error's stack trace. */
    static final String VERBOSE = "--verbose";

    @Option(names = VERBOSE, scope = ScopeType.INHERIT,
            description = "Also print the INFO lines of the library and its dependencies, and an internal error's stack trace.")
    private boolean verbose;

    /** Runs the command line with the shipped rules and exits with its exit code. */
    public static void main(String[] args) {
        boolean verbose = Arrays.asList(args).contains(VERBOSE);
        // before the first logger is made: a plain run prints warnings and errors only
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        CommandLine cli = commandLine(shippedPolicies(), verbose);
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        int code = cli.execute(args);
        cli.getOut().flush();
        System.exit(code);
    }

    /** The policies the jar ships with: the Drools rules of enrollment-rules. */
    static PolicySource shippedPolicies() {
        return new DroolsPolicySource();
    }

    /** The command line over a policy source, ready to {@link CommandLine#execute}. */
    public static CommandLine commandLine(PolicySource policies) {
        return commandLine(policies, false);
    }

    private static CommandLine commandLine(PolicySource policies, boolean verbose) {
        CommandLine cli = new CommandLine(new EnrollmentCli(policies));
        cli.getSubcommands().get("log").addSubcommand(new CheckStoreCommand()); // log check-store: the same check, among the log's verbs
        ProblemReport report = new ProblemReport(verbose);
        cli.setExecutionExceptionHandler(report);
        cli.setParameterExceptionHandler(report);
        return cli;
    }

    /** Without a subcommand: says which there are. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command: run, simulate, check-rules, impact, rules, log, check-store or bench.");
    }

    /**
     * The rules to judge with: the shipped ones, or the folder's. A folder that does not load is reported on
     * standard error, each problem with its file and line, and gives nothing.
     */
    Optional<RuleSet> rules(Path folder) {
        try {
            return Optional.of(folder == null ? policies.shipped() : policies.fromFolder(folder));
        } catch (RulesNotLoadedException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(e.getMessage() + " Nothing ran; the rules in force are unchanged.");
            e.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return Optional.empty();
        }
    }

    /**
     * Makes a fresh store for each registry, from {@code --store}: {@code memory}, or a {@code jdbc:} URL of a
     * database that answers, each store on a pool of this many connections.
     *
     * @param where the command the option was given to, whose synopsis a wrong value shows
     * @throws ParameterException naming the value when no store of that kind is available
     * @throws CommandLineMistake naming the URL when the database cannot be reached
     */
    static Supplier<RegistrationStore> stores(CommandLine where, String url, int connections) {
        if ("memory".equals(url)) {
            return InMemoryRegistrationStore::new;
        }
        if (url.startsWith("jdbc:")) {
            try {
                return new JdbcStores(url, connections);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(where, e.getMessage());
            }
        }
        throw new ParameterException(where, "--store '" + JdbcUrls.withoutSecrets(url) + "' is neither memory nor a jdbc: URL.");
    }

    /**
     * Checks, before anything runs, that a file an option names can be written: its folder exists and is writable.
     *
     * @throws CommandLineMistake naming the option and the file when it cannot
     */
    public static void writable(String option, Path file) {
        if (file == null) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new CommandLineMistake(option + " " + file + ": is a folder, not a file.");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new CommandLineMistake(option + " " + file + ": the folder " + folder + " does not exist.");
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(folder)) {
            throw new CommandLineMistake(option + " " + file + ": cannot be written (permission denied).");
        }
    }
}
