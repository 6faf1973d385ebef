package org.enrollment.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code simulate}: plays a generated season. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Generates and plays a season.")
final class SimulateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }
}
