package org.enrollment.examples.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import org.enrollment.core.audit.ExportLines;
import org.enrollment.core.audit.tlog.ExportTree;
import org.enrollment.core.audit.tlog.SignedNote;
import org.enrollment.core.audit.tlog.SigningKey;
import org.enrollment.core.audit.tlog.VerifierKey;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Reads the files the {@code log} verbs are given; a file that is missing or not what it should be is a bad argument. */
final class LogArguments {

    private final CommandSpec spec;

    LogArguments(CommandSpec spec) {
        this.spec = spec;
    }

    /** The tree of an exported audit log. */
    ExportTree export(String option, Path file) {
        try {
            return ExportTree.read(file);
        } catch (IOException e) {
            throw unreadable(option, file, e);
        }
    }

    SigningKey signingKey(String option, Path file) {
        return parsed(option, file, SigningKey::of);
    }

    VerifierKey verifierKey(String option, Path file) {
        return parsed(option, file, VerifierKey::of);
    }

    SignedNote note(String option, Path file) {
        return parsed(option, file, SignedNote::parse);
    }

    /** The file's text, read by the parser; what the parser refuses is a bad argument naming the option and file. */
    <T> T parsed(String option, Path file, Function<String, T> parser) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(option, file, e);
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw bad(option + " " + file + ": " + e.getMessage());
        }
    }

    /** Writes a file, or says which cannot be written. */
    void write(String option, Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw bad(option + " " + file + ": cannot be written (" + e.getMessage() + ").");
        }
    }

    /** The file of an option cannot be read. */
    ParameterException unreadable(String option, Path file, IOException e) {
        return bad(option + " " + file + ": " + (e instanceof NoSuchFileException ? "no such file."
                : e instanceof ExportLines.LineTooLongException ? e.getMessage() + "." : "cannot be read (" + e + ")."));
    }

    ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Prints what does not hold on standard error and gives exit code 1. */
    int doesNotHold(String problem) {
        spec.commandLine().getErr().println("log " + spec.name() + ": " + problem);
        spec.commandLine().getErr().flush();
        return LogCommand.DOES_NOT_HOLD;
    }

    /** Prints a result on standard output and gives exit code 0. */
    int holds(String text) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
