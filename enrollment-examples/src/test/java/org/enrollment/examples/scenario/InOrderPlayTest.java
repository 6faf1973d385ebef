package org.enrollment.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.enrollment.core.command.SubmitList;
import org.enrollment.examples.scenario.ConflictKeys.Key;
import org.junit.jupiter.api.Test;

/** {@link InOrderPlay}: the file's order for what shares a key and for what is handed on; a failure stops it cleanly. */
class InOrderPlayTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2014-05-06T09:00:00+08:00");

    @Test
    void handsOnInTheFilesOrderAndRunsWhatSharesAKeyInThatOrder() {
        List<ScenarioCommand> commands = commands(400);
        List<Integer> handedOn = new ArrayList<>();
        List<Integer> ranOnKeyZero = new ArrayList<>();

        new InOrderPlay(8).run(source(commands), c -> List.of(new Key("k" + c.line() % 5, false)), c -> {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(300_000));
            if (c.line() % 5 == 0) {
                synchronized (ranOnKeyZero) {
                    ranOnKeyZero.add(c.line());
                }
            }
            return c.line();
        }, (c, line) -> handedOn.add(line));

        assertThat(handedOn).containsExactlyElementsOf(IntStream.rangeClosed(1, 400).boxed().toList());
        assertThat(ranOnKeyZero).isSorted().hasSize(80);
    }

    @Test
    void stopsAtAFailureHandingOnWhatCameBeforeItAndThrowingItLeavingNoThread() {
        List<ScenarioCommand> commands = commands(300);
        List<Integer> handedOn = new ArrayList<>();
        IllegalStateException lost = new IllegalStateException("the connection was lost");

        assertThatThrownBy(() -> new InOrderPlay(8).run(source(commands), c -> List.of(new Key("child " + c.line(), false)), c -> {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
            if (c.line() == 120) {
                throw lost;
            }
            return c.line();
        }, (c, line) -> handedOn.add(line))).isSameAs(lost);

        assertThat(handedOn).isEqualTo(IntStream.range(1, handedOn.size() + 1).boxed().toList()).hasSizeLessThan(120);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("scenario-play-") && t.isAlive());
    }

    private static List<ScenarioCommand> commands(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new ScenarioCommand(i, AT, "SCHOOL:HD001", new SubmitList(), Expectation.nothing())).toList();
    }

    private static InOrderPlay.Commands source(List<ScenarioCommand> commands) {
        Iterator<ScenarioCommand> i = commands.iterator();
        return () -> i.hasNext() ? i.next() : null;
    }
}
