package org.enrollment.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the command line in tests: the exit code and what it printed.
 *
 * @param exitCode the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs the command line with the given policies and arguments. */
    static CliRun of(PolicySource policies, String... args) {
        CommandLine cli = EnrollmentCli.commandLine(policies);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs the command line with the reference policies standing in for the shipped rules. */
    static CliRun reference(String... args) {
        return of(new ReferencePolicySource(), args);
    }
}
