package org.enrollment.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.enrollment.examples.scenario.FileProblems;
import org.enrollment.rules.DroolsPolicyEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rules export DIR}: the shipped rule files, copied to a folder as the start of an edit. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"The shipped rule files."},
        subcommands = {RulesCommand.Export.class})
final class RulesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand: says which there is. */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing a command: export.");
    }

    /** {@code rules export DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the shipped rule files into DIR (made if missing), to edit, check with check-rules "
                    + "and load with --rules; files already there are left alone and stop the export."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the files were written", "2:DIR cannot be written, or already has one of the files"})
    static final class Export implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The folder to write the rule files to.")
        private Path folder;

        @Override
        public Integer call() {
            List<Path> written;
            try {
                written = DroolsPolicyEngine.exportShippedRules(folder);
            } catch (FileAlreadyExistsException e) {
                throw new CommandLineMistake(folder + ": already has " + Path.of(e.getFile()).getFileName()
                        + "; nothing was overwritten. Maybe export to an empty folder.", e);
            } catch (IOException e) {
                throw new UncheckedIOException(folder + ": cannot be written (" + FileProblems.reason(e) + ").", e);
            }
            written.forEach(f -> spec.commandLine().getOut().println(f));
            spec.commandLine().getOut().printf("%d rule files written to %s%n", written.size(), folder);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
