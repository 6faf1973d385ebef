package org.enrollment.examples;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.audit.LogReplay;
import org.enrollment.core.audit.StateSeal;
import org.enrollment.core.store.RegistrationStore;
import org.enrollment.core.store.StoreCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code check-store}: replays a database store's audit log and compares every registration row with the
 * replay (issue 11, state from the log), naming each registration that differs.
 */
@Command(name = "check-store", mixinStandardHelpOptions = true,
        description = {"Replays the audit log of a JDBC store and compares every registration row with what the log says; "
                + "names each registration that differs, and checks the log's chain."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every row is what the log says and the log checks out", "1:a row differs, an entry does not replay, "
                + "or the chain does not check out (each named)", "2:an option is wrong"})
final class CheckStoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--store", paramLabel = "URL", required = true, description = "The database: a jdbc:postgresql: or jdbc:h2: URL.")
    private String store;

    @Option(names = "--schema", paramLabel = "S", description = "The schema the store is in (default: the connection's own).")
    private String schema;

    @Option(names = "--child-key", paramLabel = "FILE", required = true, description = "The child key the log is written under.")
    private Path childKeyFile;

    @Override
    public Integer call() {
        JdbcStores stores;
        byte[] key;
        try {
            stores = new JdbcStores(store);
            key = ChildKeys.read(childKeyFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (schema != null && !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new ParameterException(spec.commandLine(), "--schema must be a plain SQL name (letters, digits, _), was '"
                    + org.enrollment.core.child.ResidentId.maskAll(schema) + "'.");
        }
        RegistrationStore opened = stores.existing(schema);
        AuditVerification chain = opened.audit().verify();
        StoreCheck check = StoreCheck.of(opened, LogReplay.of(opened.audit(), new StateSeal(key)));
        PrintWriter out = spec.commandLine().getOut();
        check.replayProblems().forEach(p -> out.println("log: " + p));
        check.differences().forEach(out::println);
        if (!chain.intact()) {
            out.println("log: entry " + chain.firstBadIndex() + ": " + chain.problem());
        }
        boolean holds = check.holds() && chain.intact();
        out.printf("check-store: %,d registrations against %,d entries: %s%n", check.registrationsChecked(), chain.entriesChecked(),
                holds ? "every row is what the log says" : check.differences().size() + " registrations differ");
        out.flush();
        return holds ? 0 : 1;
    }
}
