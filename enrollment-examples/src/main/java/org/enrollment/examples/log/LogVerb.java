package org.enrollment.examples.log;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A {@code log} verb: what it checks gives 0 or 1; a wrong file or value is one line on standard error naming it,
 * and exit code 2. Each has {@code --help} and {@code --version} (picocli reads this {@code @Command} from the superclass).
 */
@Command(mixinStandardHelpOptions = true)
abstract class LogVerb implements Callable<Integer> {

    /** The exit code of a wrong argument. */
    static final int BAD_ARGUMENT = 2;

    @Spec
    private CommandSpec spec;

    /** Does the verb's work with its arguments read through {@code args}; 0 when it holds, 1 when not. */
    abstract int run(LogArguments args);

    @Override
    public final Integer call() {
        try {
            return run(new LogArguments(spec));
        } catch (ParameterException e) {
            spec.commandLine().getErr().println("log " + spec.name() + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return BAD_ARGUMENT;
        }
    }
}
