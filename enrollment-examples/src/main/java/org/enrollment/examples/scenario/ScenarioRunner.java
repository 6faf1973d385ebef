package org.enrollment.examples.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.audit.Durability;
import org.enrollment.core.audit.FileAuditTrail;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.core.store.RegistrationStore;

/**
 * Replays scenario files against the library and says, line by line, where the outcome differs from what
 * was expected (SCENARIOS.md, "What the runner prints").
 *
 * <p>Every file is read for file errors first; when any is wrong nothing runs and the exit code is
 * {@value #FILE_ERROR}. Then each file runs against a fresh registry of its own: one JSON object a line for each
 * command, then a summary. The exit code is {@value #ALL_MET} when every expectation held and the audit log
 * checked out, {@value #MISSED} when any did not. The commands of a file are played one after another, or
 * several at once ({@link #withConnections}) where none can affect another.
 */
public final class ScenarioRunner {

    /** Every expectation held. */
    public static final int ALL_MET = 0;
    /** An expectation did not hold, or the audit log did not check out. */
    public static final int MISSED = 1;
    /** A file itself is wrong; nothing was run. */
    public static final int FILE_ERROR = 2;

    private final PolicyEngine policies;
    private final Supplier<RegistrationStore> stores;
    private final byte[] childKey;
    private final PrintWriter out;
    private final PrintWriter err;
    private final int maxLineBytes;
    private final int connections;

    /**
     * A runner.
     *
     * @param policies the policies every file is judged by
     * @param stores makes a fresh store for each file
     * @param out where the result lines go
     * @param err where file errors go
     */
    public ScenarioRunner(PolicyEngine policies, Supplier<RegistrationStore> stores, PrintWriter out, PrintWriter err) {
        this(policies, stores, null, out, err);
    }

    /**
     * A runner whose registries use this child key: needed with stores that outlive the run (a database).
     *
     * @param childKey the child key, or {@code null} for a random one with each in-memory store
     */
    public ScenarioRunner(PolicyEngine policies, Supplier<RegistrationStore> stores, byte[] childKey, PrintWriter out, PrintWriter err) {
        this(policies, stores, childKey, out, err, ScenarioReader.DEFAULT_MAX_LINE_BYTES, 1);
    }

    private ScenarioRunner(PolicyEngine policies, Supplier<RegistrationStore> stores, byte[] childKey, PrintWriter out,
                           PrintWriter err, int maxLineBytes, int connections) {
        this.childKey = childKey == null ? null : childKey.clone();
        this.policies = Objects.requireNonNull(policies, "policies");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.maxLineBytes = maxLineBytes;
        this.connections = connections;
    }

    /** The same runner, refusing as a file error any line longer than this many bytes (8 MiB by default). */
    public ScenarioRunner withMaxLineBytes(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxLineBytes must be 1 or more, was " + value + ".");
        }
        return new ScenarioRunner(policies, stores, childKey, out, err, value, connections);
    }

    /**
     * The same runner, playing up to this many commands of a file at once (1 by default: one after another), for a
     * store with as many connections. A command starts only when every earlier command that may affect it or what
     * is observed of it has finished (the same child, a school's places and lists, a district's number counter:
     * {@link ConflictKeys}), so every decision, state and number is the one the file's order gives, and the output
     * is the same, in the file's order; the audit log holds the entries in the order their commits happened.
     */
    public ScenarioRunner withConnections(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("connections must be 1 or more, was " + value + ".");
        }
        return new ScenarioRunner(policies, stores, childKey, out, err, maxLineBytes, value);
    }

    /**
     * Runs the files.
     *
     * @param files the scenario files, run in this order
     * @param audit where to write each file's audit log as JSON Lines and check it, or {@code null} to check
     *        it in memory only; with several files, each file's log goes beside it with the scenario's name added
     * @param observer sees every command's observation, e.g. to collect the rules that fired
     * @return the exit code: {@value #ALL_MET}, {@value #MISSED} or {@value #FILE_ERROR}
     */
    public int run(List<Path> files, Path audit, Consumer<Observation> observer) {
        Objects.requireNonNull(observer, "observer");
        if (!allWellFormed(files)) {
            return FILE_ERROR;
        }
        Tally total = new Tally();
        for (Path file : files) {
            Path auditFile = audit == null ? null : files.size() == 1 ? audit : auditFileFor(audit, file);
            total.add(runOne(file, auditFile, observer));
        }
        if (files.size() > 1) {
            ObjectNode t = JsonNodeFactory.instance.objectNode();
            t.putObject("total").put("files", files.size()).put("commands", total.commands)
                    .put("expectations", total.expectations).put("missed", total.missed)
                    .put("auditIntact", total.auditIntact);
            out.println(ScenarioWriter.json(t));
        }
        out.flush();
        return total.missed == 0 && total.auditIntact ? ALL_MET : MISSED;
    }

    private boolean allWellFormed(List<Path> files) {
        boolean ok = true;
        for (Path file : files) {
            try {
                ScenarioReader.check(file, maxLineBytes);
            } catch (ScenarioFileException e) {
                err.println(file + ": " + e.getMessage());
                ok = false;
            } catch (UncheckedIOException e) {
                err.println(file + ": " + e.getMessage());
                ok = false;
            }
        }
        err.flush();
        return ok;
    }

    private Tally runOne(Path file, Path auditFile, Consumer<Observation> observer) {
        Tally tally = new Tally();
        ScenarioPlayer player;
        try (ScenarioReader reader = ScenarioReader.open(file, maxLineBytes)) {
            RegistrationStore store = stores.get();
            if (auditFile != null && store instanceof InMemoryRegistrationStore) {
                store = new InMemoryRegistrationStore(AuditExport.journal(auditFile, Durability.always()));
            }
            ScenarioPlayer playing = new ScenarioPlayer(reader.season(), policies, store, childKey, Optional.empty());
            player = playing;
            new InOrderPlay(connections).run(reader::next, new ConflictKeys(reader.season())::of,
                    c -> playing.play(c).observation(), (c, o) -> {
                        observer.accept(o);
                        List<String> missed = c.expect().misses(o);
                        tally.count(o, !c.expect().isNothing(), !missed.isEmpty());
                        out.println(ScenarioWriter.json(line(c, o, missed)));
                    });
        }
        AuditTrail trail = player.registry().audit();
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        ObjectNode s = summary.putObject("summary");
        s.put("file", file.toString()).put("commands", tally.commands).put("expectations", tally.expectations)
                .put("matched", tally.expectations - tally.missed).put("missed", tally.missed)
                .put("accepted", tally.accepted).put("refused", tally.commands - tally.accepted);
        AuditVerification v = auditFile == null ? trail.verify() : AuditExport.exportAndVerify(trail, auditFile);
        if (trail instanceof FileAuditTrail journal) {
            journal.close();
        }
        ObjectNode a = s.putObject("audit").put("entries", v.entriesChecked()).put("intact", v.intact());
        if (auditFile != null) {
            a.put("file", auditFile.toString());
        }
        if (!v.intact()) {
            a.put("firstBadIndex", v.firstBadIndex()).put("problem", v.problem());
        }
        tally.auditIntact = v.intact();
        out.println(ScenarioWriter.json(summary));
        return tally;
    }

    private static ObjectNode line(ScenarioCommand c, Observation o, List<String> missed) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("line", c.line());
        line.put("do", c.command().kind().text());
        line.put("outcome", o.outcome().name());
        ArrayNode reasons = line.putArray("reasons");
        o.reasons().forEach(r -> reasons.add(r.name()));
        ArrayNode rules = line.putArray("rules");
        o.rulesFired().forEach(rules::add);
        putState(line, o.states());
        if (o.number() != null) {
            line.put("number", o.number());
        }
        line.put("matched", missed.isEmpty());
        if (!missed.isEmpty()) {
            line.set("expected", ScenarioWriter.toJson(c.expect()));
            ObjectNode actual = line.putObject("actual");
            actual.put("outcome", o.outcome().name());
            ArrayNode ar = actual.putArray("reasons");
            o.reasonSet().stream().map(ReasonCode::name).forEach(ar::add);
            putState(actual, o.states());
            ArrayNode m = line.putArray("missed");
            missed.forEach(m::add);
        }
        return line;
    }

    /** The state: one name when all concerned are in one state, else the list; left out when none is concerned. */
    private static void putState(ObjectNode o, List<String> states) {
        List<String> distinct = states.stream().distinct().toList();
        if (distinct.size() == 1) {
            o.put("state", distinct.get(0));
        } else if (!distinct.isEmpty()) {
            ArrayNode a = o.putArray("state");
            states.forEach(a::add);
        }
    }

    /** {@code audit.jsonl} for scenario {@code lifecycle.jsonl} becomes {@code audit-lifecycle.jsonl}. */
    static Path auditFileFor(Path audit, Path scenario) {
        String name = audit.getFileName().toString();
        String scenarioName = scenario.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        int dot = name.lastIndexOf('.');
        String withScenario = dot <= 0 ? name + "-" + scenarioName
                : name.substring(0, dot) + "-" + scenarioName + name.substring(dot);
        return audit.resolveSibling(withScenario);
    }

    /** Counts of one file, or of all. */
    private static final class Tally {
        long commands;
        long expectations;
        long missed;
        long accepted;
        boolean auditIntact = true;

        void count(Observation o, boolean expected, boolean miss) {
            commands++;
            expectations += expected ? 1 : 0;
            missed += miss ? 1 : 0;
            accepted += o.outcome() == Outcome.ACCEPTED ? 1 : 0;
        }

        void add(Tally t) {
            commands += t.commands;
            expectations += t.expectations;
            missed += t.missed;
            accepted += t.accepted;
            auditIntact &= t.auditIntact;
        }
    }
}
