package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.enrollment.core.audit.Durability;
import org.enrollment.core.audit.FileAuditTrail;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.examples.scenario.ScenarioWriter;
import org.enrollment.examples.simulation.SeasonSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: {@code kill -9} at random moments of a simulated season with the file journal. The child process
 * writes each command to its standard output after {@code handle} returned (its acknowledgement), which this
 * test reads outside the process; after each kill, the journal opens (a torn last line cut off), holds an entry
 * for every acknowledged command, none missing, and the store resumed from it is exactly what its log says.
 *
 * <p>By default 3 kills of a 20,000-child season; the full run, 20 kills of 170,000 children:
 * {@code mvn -B -pl enrollment-examples verify -Dit.test=KillDuringSeasonIT -Dkill.times=20 -Dkill.children=170000}.
 */
class KillDuringSeasonIT {

    private static final byte[] KEY = "the kill test's child key......".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCommandIsInTheJournalAfterEachKill() throws Exception {
        int times = Integer.getInteger("kill.times", 3);
        String children = System.getProperty("kill.children", "20000");
        Random random = new Random(Long.getLong("kill.seed", 13));
        for (int kill = 1; kill <= times; kill++) {
            Path journal = dir.resolve("journal-" + kill + ".jsonl");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Child.class.getName(), journal.toString(), children)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            AtomicLong acked = new AtomicLong();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.contains("\"expect\"")) {
                            acked.incrementAndGet();
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process was killed mid-line
                }
            });
            reader.start();
            // The kill comes at a random moment of the play, counted from the first acknowledgement: generating a
            // city's 170,000 children takes seconds before the first command, longer on a loaded machine.
            long started = System.nanoTime();
            while (acked.get() == 0 && p.isAlive() && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(3)) {
                Thread.sleep(20);
            }
            long waitMillis = 500 + random.nextInt(11_500);
            boolean ended = p.waitFor(waitMillis, TimeUnit.MILLISECONDS);
            new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
            p.waitFor();
            reader.join();
            long acknowledged = acked.get();
            try (FileAuditTrail trail = FileAuditTrail.open(journal)) {
                long entries = trail.head().count();
                System.out.printf("kill %d %d ms into the play%s: %,d acknowledged, %,d entries in the journal%n", kill, waitMillis,
                        ended ? " (had ended)" : "", acknowledged, entries);
                assertThat(entries).as("kill %d: every acknowledged command is in the journal", kill).isGreaterThanOrEqualTo(acknowledged);
                assertThat(entries).as("kill %d: the season got going", kill).isPositive();
                Registry resumed = Registry.builder(new SeasonSimulator(Integer.parseInt(children), 2014).season(), new ReferencePolicies())
                        .store(InMemoryRegistrationStore.resumed(trail, KEY)).childKey(KEY).build();
                var check = resumed.checkAgainstLog();
                assertThat(check.differences()).isEmpty();
                assertThat(check.replayProblems()).isEmpty();
                assertThat(trail.verify().intact()).isTrue();
            }
        }
    }

    /** The season played in the child process, each command written to standard output once acknowledged. */
    public static final class Child {
        private Child() {
        }

        /** Plays the season: {@code journal children}. */
        public static void main(String[] args) throws Exception {
            SeasonSimulator simulator = new SeasonSimulator(Integer.parseInt(args[1]), 2014);
            Writer acks = new LineFlushingWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            try (ScenarioWriter scenario = new ScenarioWriter(acks, simulator.season(), "kill test")) {
                simulator.play(new ReferencePolicies(), scenario, Path.of(args[0]), KEY, Durability.always(), line -> { }, Optional.empty(), registry -> { });
            }
        }
    }

    /**
     * A writer that flushes at every line end, so that a line read is a command acknowledged. It is a
     * {@link BufferedWriter}, which the {@link ScenarioWriter} takes as it is instead of buffering 64 KB more.
     */
    private static final class LineFlushingWriter extends BufferedWriter {

        LineFlushingWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws java.io.IOException {
            super.write(buffer, offset, length);
            flushAtLineEnd(CharBuffer.wrap(buffer, offset, length));
        }

        @Override
        public void write(String text, int offset, int length) throws java.io.IOException {
            super.write(text, offset, length);
            flushAtLineEnd(text.subSequence(offset, offset + length));
        }

        @Override
        public void write(int c) throws java.io.IOException {
            super.write(c);
            if (c == '\n') {
                flush();
            }
        }

        private void flushAtLineEnd(CharSequence written) throws java.io.IOException {
            if (written.chars().anyMatch(c -> c == '\n')) {
                flush();
            }
        }
    }
}
