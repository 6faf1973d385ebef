package org.enrollment.examples;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --audit FILE} and {@code --child-key FILE} of {@code run} and {@code simulate}: the audit log written as a
 * journal as the commands go, and the child key it is written under (审计日志与儿童密钥).
 */
final class AuditOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--audit", paramLabel = "FILE",
            description = "Write the audit log as JSON Lines to FILE as the commands go (each entry on the disk before its command"
                    + " returns) and check it against the registry's head at the end (run with several scenario files: one log"
                    + " each, FILE with the scenario's name added).")
    private Path audit;

    @Option(names = "--child-key", paramLabel = "FILE",
            description = "The child key (at least 16 bytes in FILE, e.g. head -c 32 /dev/urandom > city.key) the audit log is"
                    + " written under; needed with a store that outlives the run (run --store jdbc:...); with --audit and without"
                    + " this, a new key is written to the audit file's name with .key added.")
    private Path childKeyFile;

    /** The audit file, checked to be writable ({@code --audit} named when not), or {@code null} when none is asked. */
    Path audit() {
        EnrollmentCli.writable("--audit", audit);
        return audit;
    }

    /**
     * The child key: read from {@code --child-key}; without it, a new one written beside the audit file for a store
     * that dies with the run; otherwise none ({@code null}: a random key, for an in-memory registry without a journal).
     *
     * @param outlivesTheRun whether the store outlives the run (a database): then no key is made up
     * @throws ParameterException naming the file that cannot be read or written, or is too short
     */
    byte[] childKey(boolean outlivesTheRun) {
        try {
            return childKeyFile != null ? ChildKeys.read(childKeyFile)
                    : audit != null && !outlivesTheRun ? ChildKeys.createIn(Path.of(audit + ".key")) : null;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
