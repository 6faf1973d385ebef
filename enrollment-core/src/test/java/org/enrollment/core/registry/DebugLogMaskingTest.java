package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Reason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.SeasonChains.Given;
import org.enrollment.core.registry.SeasonChains.Handled;
import org.enrollment.core.registry.SeasonChains.Move;
import org.enrollment.core.registry.SeasonChains.World;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A long random season, thousands of commands of every kind ({@link SeasonChains}) mixed with hostile input
 * ({@link HostileInputContract}), with the registry logging at DEBUG: no log line, no line of the audit log's
 * export and no decision's message (Chinese or English) shows any resident ID the commands carried, valid
 * or malformed, in the raw.
 *
 * <p>It runs in a surefire execution of its own ({@code debug-log}), whose JVM sets the slf4j-simple level of
 * {@code org.enrollment} to DEBUG before any logger exists; elsewhere it is skipped. slf4j-simple writes to
 * {@code System.err} as it finds it at each line, so the test captures the lines by swapping the stream.
 */
class DebugLogMaskingTest {

    private static final String DEBUG = "org.slf4j.simpleLogger.log.org.enrollment";
    private static final int STEPS = 4_000;
    /** Runs of ID characters, to look at every 18 characters of each. */
    private static final Pattern ID_CHARACTERS = Pattern.compile("[0-9Xx]{18,}");

    @Test
    void noDebugLogLineAuditLineOrMessageOfALongSeasonShowsARawResidentId() {
        assumeTrue("debug".equals(System.getProperty(DEBUG)), "runs in the surefire execution debug-log, where " + DEBUG + "=debug");
        assertThat(LoggerFactory.getLogger(Registry.class).isDebugEnabled()).isTrue();

        World world = new World(new ReferencePolicies(), new InMemoryRegistrationStore(), new SeasonChains.Tally());
        Set<String> used = new HashSet<>();
        List<String> messages = new ArrayList<>();
        int refused = 0;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (Tuple.Tuple2<Duration, Move> step : steps().sampleStream().limit(STEPS).toList()) {
                world.clock().advance(step.get1());
                Handled handled = world.give(step.get2());
                Given given = handled.given();
                used.addAll(idsIn(given.actor() + " " + rawText(given.command())));
                Decision d = handled.decision();
                refused += d.isAccepted() ? 0 : 1;
                for (Reason r : d.reasons()) {
                    messages.add(r.messageZh());
                    messages.add(r.messageEn());
                }
            }
        } finally {
            System.setErr(err);
        }
        StringBuilder audit = new StringBuilder();
        world.registry().audit().export(audit);
        String logs = captured.toString(StandardCharsets.UTF_8);

        assertThat(used).as("resident IDs the commands carried").hasSizeGreaterThan(100);
        assertThat(refused).as("refused commands").isGreaterThan(STEPS / 4).isLessThan(STEPS);
        long decided = logs.lines().filter(line -> line.contains(" DEBUG org.enrollment.core.registry.Registry - #")).count();
        long badActors = logs.lines().filter(line -> line.contains(" DEBUG org.enrollment.core.registry.Registry - ")
                && line.contains(" refused before judging: ")).count();
        assertThat(decided + badActors).as("one log line for every command, each on one line").isEqualTo(STEPS);
        assertThat(audit.toString().lines()).hasSize(STEPS);
        assertThat(rawIdsIn(logs, used)).as("raw resident IDs in the log").isEmpty();
        assertThat(rawIdsIn(audit.toString(), used)).as("raw resident IDs in the audit log's export").isEmpty();
        assertThat(rawIdsIn(String.join("\n", messages), used)).as("raw resident IDs in the decisions' messages").isEmpty();
    }

    /** The season's commands (three in four) and hostile ones, the clock moving up to twenty minutes before each. */
    private static Arbitrary<Tuple.Tuple2<Duration, Move>> steps() {
        Arbitrary<Move> hostileFields = HostileInputContract.commandsWithAHostileField()
                .map(h -> new Move(h.label(), w -> new Given(h.actor(), h.command())));
        Arbitrary<Move> hostileActors = Combinators.combine(HostileInputContract.actorsNotAllowed(), HostileInputContract.validCommandsAboutTheHolder())
                .as((actor, command) -> new Move(command.kind().text() + " by " + actor, w -> new Given(actor, command)));
        Arbitrary<Move> moves = Arbitraries.frequencyOf(Tuple.of(12, SeasonChains.moves()), Tuple.of(3, hostileFields), Tuple.of(1, hostileActors));
        return Combinators.combine(Arbitraries.integers().between(0, 20).map(Duration::ofMinutes), moves).as(Tuple::of);
    }

    /** Every 18 consecutive ID characters in the text. */
    /**
     * The text a command carries, field by field (its {@code toString} masks IDs): the record components, and
     * those of the records in its lists.
     */
    private static String rawText(Object value) {
        if (value instanceof Collection<?> many) {
            return many.stream().map(DebugLogMaskingTest::rawText).collect(Collectors.joining(" "));
        }
        if (value == null || !value.getClass().isRecord()) {
            return String.valueOf(value);
        }
        StringBuilder text = new StringBuilder();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            try {
                text.append(rawText(c.getAccessor().invoke(value))).append(' ');
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + c.getName() + " of " + value.getClass().getSimpleName(), e);
            }
        }
        return text.toString();
    }

    private static Set<String> idsIn(String text) {
        Set<String> ids = new HashSet<>();
        Matcher m = ID_CHARACTERS.matcher(text);
        while (m.find()) {
            for (int i = m.start(); i + 18 <= m.end(); i++) {
                ids.add(text.substring(i, i + 18));
            }
        }
        return ids;
    }

    /** The IDs of {@code used} that the text shows. */
    private static Set<String> rawIdsIn(String text, Set<String> used) {
        Set<String> found = idsIn(text);
        found.retainAll(used);
        return found;
    }
}
