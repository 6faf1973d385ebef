package org.enrollment.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A verb of {@code enrollment.jar} ({@code run}, {@code simulate}, {@code impact}, {@code check-rules},
 * {@code check-store}): {@code --help} and {@code --version}, its exit codes listed under one heading, and the
 * command line it runs in. Picocli reads these from the superclass; each verb's own {@code @Command} adds the rest.
 */
@Command(mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n")
abstract class Verb implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The top-level command the verb runs under, with its options (rules, logging). */
    EnrollmentCli cli() {
        return (EnrollmentCli) spec.root().userObject();
    }
}
