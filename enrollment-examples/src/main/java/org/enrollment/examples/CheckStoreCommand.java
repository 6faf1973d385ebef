package org.enrollment.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.audit.LogReplay;
import org.enrollment.core.audit.StateSeal;
import org.enrollment.core.audit.tlog.LogCheck;
import org.enrollment.core.audit.tlog.MerkleTree;
import org.enrollment.core.audit.tlog.TreeCheck;
import org.enrollment.core.audit.tlog.VerifierKey;
import org.enrollment.core.store.RegistrationStore;
import org.enrollment.core.store.StoreCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code check-store} (also {@code log check-store}): replays a database store's audit log and compares every
 * registration row with the replay (issue 11, state from the log), naming each registration that differs; with
 * {@code --vkey}, checks the tree the store keeps against its entries, node for node, and against the checkpoints
 * kept with it, signed by the log's key.
 */
@Command(name = "check-store", mixinStandardHelpOptions = true,
        description = {"Replays the audit log of a JDBC store and compares every registration row with what the log says; "
                + "names each registration that differs, and checks the log's chain; with --vkey, also the store's Merkle tree "
                + "against the entries and the signed checkpoints kept with it."},
        exitCodeList = {"0:every row is what the log says and the log checks out", "1:a row differs, an entry does not replay, "
                + "the chain, the tree or a checkpoint does not check out (each named)", "2:an option is wrong"})
final class CheckStoreCommand extends Verb {

    /** Connections of the store checked: one reads at a time; a few spare, as the store's pool had before. */
    private static final int CONNECTIONS = 4;

    @Option(names = "--store", paramLabel = "URL", required = true, description = "The database: a jdbc:postgresql: or jdbc:h2: URL.")
    private String store;

    @Option(names = "--schema", paramLabel = "S", description = "The schema the store is in (default: the connection's own).")
    private String schema;

    @Option(names = "--child-key", paramLabel = "FILE", required = true, description = "The child key the log is written under.")
    private Path childKeyFile;

    @Option(names = "--vkey", paramLabel = "V", description = "The log's verifier key: check the store's tree and its signed checkpoints.")
    private Path vkey;

    @Override
    public Integer call() {
        JdbcStores stores;
        byte[] key;
        try {
            stores = new JdbcStores(store, CONNECTIONS);
            key = ChildKeys.read(childKeyFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        VerifierKey log = vkey == null ? null : verifierKey();
        if (schema != null && !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new ParameterException(spec.commandLine(), "--schema must be a plain SQL name (letters, digits, _), was '"
                    + org.enrollment.core.child.ResidentId.maskAll(schema) + "'.");
        }
        RegistrationStore opened = stores.existing(schema);
        AuditVerification chain = opened.audit().verify();
        StoreCheck check = StoreCheck.of(opened, LogReplay.of(opened.audit(), new StateSeal(key)));
        List<String> tree = log == null ? List.of() : treeProblems(opened, log);
        PrintWriter out = spec.commandLine().getOut();
        check.replayProblems().forEach(p -> out.println("log: " + p));
        check.differences().forEach(out::println);
        if (!chain.intact()) {
            out.println("log: entry " + chain.firstBadIndex() + ": " + chain.problem());
        }
        tree.forEach(out::println);
        boolean holds = check.holds() && chain.intact() && tree.isEmpty();
        out.printf("check-store: %,d registrations against %,d entries%s: %s%n", check.registrationsChecked(), chain.entriesChecked(),
                log == null ? "" : ", the tree and " + opened.audit().checkpoints().all().size() + " signed checkpoints",
                holds ? "every row is what the log says" + (log == null ? "" : ", the tree and every checkpoint check out")
                        : check.differences().size() + " registrations differ" + (tree.isEmpty() ? "" : ", " + tree.size()
                        + " problems with the tree or its checkpoints"));
        out.flush();
        return holds ? 0 : 1;
    }

    private VerifierKey verifierKey() {
        try {
            return VerifierKey.of(Files.readString(vkey, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--vkey " + vkey + ": cannot be read (" + e.getMessage() + ").");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--vkey " + vkey + ": " + e.getMessage());
        }
    }

    /** What does not hold of the store's tree (against its entries) and of its checkpoints (against the entries' tree). */
    private static List<String> treeProblems(RegistrationStore opened, VerifierKey log) {
        List<String> problems = new ArrayList<>();
        MerkleTree entries = TreeCheck.ofEntries(opened.audit());
        LogCheck tree = TreeCheck.against(opened.audit().tree(), entries);
        if (!tree.holds()) {
            problems.add("tree: " + tree.problem());
        }
        LogCheck signed;
        try {
            signed = TreeCheck.checkpoints(entries, opened.audit().checkpoints(), log);
        } catch (IllegalArgumentException e) {
            signed = LogCheck.fails("A kept checkpoint cannot be read: " + e.getMessage());
        }
        if (!signed.holds()) {
            problems.add("checkpoint: " + signed.problem());
        }
        return problems;
    }
}
