package org.enrollment.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.enrollment.examples.scenario.FileProblems;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where what went wrong in a command becomes what the user reads: a wrong option or argument, a
 * missing or unwritable file, an unreachable database is one line naming it, and exit 2 (a wrong option also
 * shows the synopsis of the command it was given to); anything else is an internal error, one line and exit 3,
 * its stack trace only with {@code --verbose}. Never a stack trace for a mistake.
 */
final class ProblemReport implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final boolean verbose;

    /** A report that shows an internal error's stack trace when verbose. */
    ProblemReport(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        PrintWriter err = where.getErr();
        err.println(prefix(where) + oneLine(e.getMessage()));
        err.print("Usage: " + where.getHelp().synopsis(0));
        err.println("Try '" + where.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return EnrollmentCli.NOTHING_RAN;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine where, ParseResult parseResult) {
        PrintWriter err = where.getErr();
        String mistake = mistake(e);
        if (mistake != null) {
            err.println(prefix(where) + mistake);
            err.flush();
            return EnrollmentCli.NOTHING_RAN;
        }
        err.println(prefix(where) + "internal error: " + oneLine(String.valueOf(e))
                + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return EnrollmentCli.INTERNAL_ERROR;
    }

    /** The one line a mistake the user can fix shows, or null when the exception is none. */
    static String mistake(Throwable e) {
        if (e instanceof ParameterException || e instanceof CommandLineMistake) {
            return oneLine(e.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return e instanceof UncheckedIOException && e.getMessage() != null ? oneLine(e.getMessage())
                        : FileProblems.describe(io);
            }
            if (t instanceof SQLException sql) {
                return "the database refused or cannot be reached: " + oneLine(sql.getMessage());
            }
        }
        return null;
    }

    private static String prefix(CommandLine where) {
        return where.getCommandSpec().qualifiedName() + ": ";
    }

    /** The text on one line: line breaks become "; ". */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
