package org.enrollment.examples;

/**
 * A mistake the user of the command line can fix (命令行用法错误): a wrong argument, a missing file, a path that
 * cannot be written, a database that cannot be reached. Its message is one line that names the argument, file
 * or value; the command line prints it and exits 2 ({@link ProblemReport}).
 */
final class CommandLineMistake extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A mistake with this one-line message. */
    CommandLineMistake(String message) {
        super(message);
    }

    /** A mistake with this one-line message, found through the cause. */
    CommandLineMistake(String message, Throwable cause) {
        super(message, cause);
    }
}
