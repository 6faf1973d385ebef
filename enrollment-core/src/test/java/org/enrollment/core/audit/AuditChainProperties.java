package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.enrollment.core.command.ReasonCode;

/**
 * The audit log's hash chain, exported as JSON Lines and checked against the head a host remembered,
 * shows every single tampering at the first line it affects: a changed byte, a deleted, inserted or
 * swapped line, a cut-off end.
 */
class AuditChainProperties {

    private static final List<String> ACTORS = List.of("GUARDIAN", "CITY", "SCHOOL:HD001", "SCHOOL:海淀实验小学",
            "DISTRICT:110108", "COBUILD:U-ACAD", "INVALID");
    private static final List<String> COMMANDS = List.of("register", "amend", "withdraw", "verify", "tick", "untick",
            "submit-list", "approve", "return", "release", "admit", "file", "boarding-decide", "cobuild-list", "cobuild-select");
    private static final List<String> DETAILS = List.of("", "district=110108 school=HD001 route=ONLINE",
            "reason=家长说：\"孩子\\生病了\"\n下周再来", "reason=tab\there\u0001bell\u0007del\u007f",
            "reason=行分隔\u2028段分隔\u2029结束", "reason=😀 emoji and 中文 mixed", "as='TEACHER\\u0000'",
            "school=XC900 entries=3 list-sha256=" + "ab".repeat(32));

    /** Three logs of different lengths, made once from a fixed seed, with varied records. */
    private static final List<Exported> LOGS = List.of(exported(300, 11), exported(1_200, 12), exported(3_000, 13));

    private static final Map<Kind, AtomicInteger> DETECTED = new EnumMap<>(Kind.class);

    static {
        for (Kind k : Kind.values()) {
            DETECTED.put(k, new AtomicInteger());
        }
    }

    /** The kinds of tampering tried. */
    enum Kind {
        /** One byte of one line's UTF-8 changed to another value. */
        BYTE_CHANGE,
        /** One line removed. */
        DELETION,
        /** A copy of another line put in. */
        COPY_INSERTION,
        /** A line that was never written put in: garbage, or a plausible line with a made-up hash. */
        RANDOM_INSERTION,
        /** Two lines swapped. */
        SWAP,
        /** The end of the log cut off. */
        TRUNCATION
    }

    /**
     * One tampering of one log.
     *
     * @param log which log
     * @param kind what is done
     * @param first the line it is done at (inserted at, deleted, swapped first, cut off from, changed)
     * @param second the other line (copied, swapped with) or the byte position
     * @param noise the byte delta (1 to 255) or the seed of a random line
     */
    record Mutation(Exported log, Kind kind, int first, int second, long noise) {

        /** The lines after the tampering. */
        List<String> apply() {
            List<String> lines = new ArrayList<>(log.lines());
            switch (kind) {
                case BYTE_CHANGE -> lines.set(first, changeByte(lines.get(first), second, (int) noise));
                case DELETION -> lines.remove(first);
                case COPY_INSERTION -> lines.add(first, log.lines().get(second));
                case RANDOM_INSERTION -> lines.add(first, randomLine(first, new Random(noise)));
                case SWAP -> {
                    String a = lines.get(first);
                    lines.set(first, lines.get(second));
                    lines.set(second, a);
                }
                case TRUNCATION -> lines.subList(first, lines.size()).clear();
                default -> throw new IllegalStateException("kind " + kind);
            }
            return lines;
        }

        @Override
        public String toString() {
            return kind + " at " + first + " (" + second + ", " + noise + ") of a log of " + log.lines().size();
        }
    }

    @Property(tries = 10_000, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everySingleTamperingIsFoundAtTheFirstLineItAffects(@ForAll("mutations") Mutation m) {
        List<String> tampered = m.apply();
        assertThat(firstDifference(m.log().lines(), tampered)).as("the test's own expectation").isEqualTo(m.first());

        AuditVerification v = AuditChain.verifyLines(tampered.iterator(), m.log().head());

        assertThat(v.intact()).as("%s", m).isFalse();
        assertThat(v.firstBadIndex()).as("%s: %s", m, v.problem()).isEqualTo(m.first());
        assertThat(v.problem()).isNotBlank();
        DETECTED.get(m.kind()).incrementAndGet();
        Statistics.label("kind").collect(m.kind());
        Statistics.label("log length").collect(m.log().lines().size());
    }

    @AfterContainer
    static void printTheCountsPerKind() {
        int total = DETECTED.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.println("audit chain: " + total + " tamperings detected at the first affected line: " + DETECTED);
    }

    @Example
    void anUntouchedLogVerifiesAgainstItsHeadAsExportedAndInMemory() {
        for (Exported log : LOGS) {
            AuditVerification lines = AuditChain.verifyLines(log.lines().iterator(), log.head());
            assertThat(lines.intact()).isTrue();
            assertThat(lines.entriesChecked()).isEqualTo(log.lines().size());
            assertThat(lines.firstBadIndex()).isEqualTo(-1);
            assertThat(log.trail().verify().intact()).isTrue();
            assertThat(log.trail().verify(log.head()).entriesChecked()).isEqualTo(log.lines().size());
        }
    }

    @Example
    void exportsOneLinePerEntryWhateverTheTextHolds() {
        for (Exported log : LOGS) {
            assertThat(log.lines()).hasSize((int) log.head().count());
            assertThat(log.lines()).allSatisfy(l -> assertThat(l).doesNotContain("\r", "\u2028", "\u2029", "\u0001")
                    .startsWith("{\"seq\":").endsWith("\"}"));
            assertThat(String.join("\n", log.lines())).contains("海淀", "\\\"", "\\\\", "\\n", "\\u2028", "😀");
        }
    }

    @Example
    void aLogThatGrewSinceTheHeadWasRememberedStillVerifiesAgainstIt() {
        InMemoryAuditTrail trail = new InMemoryAuditTrail();
        Random random = new Random(5);
        for (int i = 0; i < 50; i++) {
            trail.append(record(i, random));
        }
        AuditHead remembered = trail.head();
        for (int i = 50; i < 80; i++) {
            trail.append(record(i, random));
        }

        assertThat(trail.verify(remembered).intact()).isTrue();
        assertThat(AuditChain.verifyLines(export(trail).iterator(), remembered).entriesChecked()).isEqualTo(80);
    }

    @Example
    void aRememberedHeadThatDoesNotMatchIsReportedAtItsLastEntry() {
        Exported log = LOGS.get(0);
        AuditHead forged = new AuditHead(log.head().count(), AuditChain.GENESIS);

        AuditVerification v = AuditChain.verifyLines(log.lines().iterator(), forged);

        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadIndex()).isEqualTo(log.head().count() - 1);
        assertThat(AuditChain.verifyLines(List.<String>of().iterator(), AuditHead.empty()).intact()).isTrue();
        assertThat(AuditChain.verifyLines(List.<String>of().iterator(), log.head()).firstBadIndex()).isZero();
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
        return Combinators.combine(Arbitraries.of(LOGS), kinds, Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.longs())
                .as(AuditChainProperties::mutation);
    }

    /** A mutation of the kind at positions drawn from the raw numbers, always a real change. */
    private static Mutation mutation(Exported log, Kind kind, int r1, int r2, long noise) {
        int n = log.lines().size();
        return switch (kind) {
            case BYTE_CHANGE -> {
                int line = r1 % n;
                int length = log.lines().get(line).getBytes(StandardCharsets.UTF_8).length;
                yield new Mutation(log, kind, line, r2 % length, 1 + Math.floorMod(noise, 255));
            }
            case DELETION -> new Mutation(log, kind, r1 % n, 0, 0);
            case COPY_INSERTION -> {
                // Inserting line i's copy at i is inserting it at i + 1; so the copy is always of another line.
                int at = r1 % (n + 1);
                int copied = r2 % n;
                yield new Mutation(log, kind, at, copied == at ? (copied + 1) % n : copied, 0);
            }
            case RANDOM_INSERTION -> new Mutation(log, kind, r1 % (n + 1), 0, noise);
            case SWAP -> {
                int i = r1 % (n - 1);
                int j = i + 1 + r2 % (n - 1 - i);
                yield new Mutation(log, kind, i, j, 0);
            }
            case TRUNCATION -> new Mutation(log, kind, r1 % n, 0, 0);
        };
    }

    private static String changeByte(String line, int position, int delta) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        bytes[position] = (byte) (bytes[position] + delta);
        String changed = new String(bytes, StandardCharsets.UTF_8);
        assertThat(changed).as("a changed byte changes the line").isNotEqualTo(line);
        return changed;
    }

    /** A line never written: garbage, an empty line, or one that looks right with the right sequence but a made-up hash. */
    private static String randomLine(int index, Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return "";
            case 1:
                StringBuilder b = new StringBuilder();
                int length = 1 + random.nextInt(200);
                for (int i = 0; i < length; i++) {
                    b.appendCodePoint(random.nextBoolean() ? 0x20 + random.nextInt(0x5f) : 0x4e00 + random.nextInt(0x5000));
                }
                return b.toString();
            default:
                byte[] hash = new byte[32];
                random.nextBytes(hash);
                return "{\"seq\":" + index + ",\"at\":\"2014-05-05T01:00:00Z\",\"actor\":\"CITY\",\"command\":\"file\","
                        + "\"targets\":[],\"children\":[],\"outcome\":\"ACCEPTED\",\"reasons\":[],\"rules\":[],\"detail\":\"\","
                        + "\"hash\":\"" + HexFormat.of().formatHex(hash) + "\"}";
        }
    }

    private static int firstDifference(List<String> original, List<String> tampered) {
        int i = 0;
        while (i < original.size() && i < tampered.size() && original.get(i).equals(tampered.get(i))) {
            i++;
        }
        return i;
    }

    /**
     * An audit trail, its export and the head a host remembered.
     *
     * @param trail the trail in memory
     * @param lines its export, one line an entry
     * @param head its head when exported
     */
    record Exported(InMemoryAuditTrail trail, List<String> lines, AuditHead head) {

        @Override
        public String toString() {
            return "log of " + lines.size();
        }
    }

    private static Exported exported(int size, long seed) {
        InMemoryAuditTrail trail = new InMemoryAuditTrail();
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            trail.append(record(i, random));
        }
        return new Exported(trail, export(trail), trail.head());
    }

    private static List<String> export(AuditTrail trail) {
        StringBuilder out = new StringBuilder();
        trail.export(out);
        return List.of(out.toString().split("\n", -1)).subList(0, (int) trail.head().count());
    }

    private static AuditRecord record(int i, Random random) {
        List<String> targets = new ArrayList<>();
        for (int t = random.nextInt(4); t > 0; t--) {
            targets.add(String.format("110108-2014-%06d-%d", 1 + random.nextInt(999_999), random.nextInt(10)));
        }
        List<String> children = new ArrayList<>();
        for (int c = random.nextInt(3); c > 0; c--) {
            byte[] ref = new byte[16];
            random.nextBytes(ref);
            children.add(HexFormat.of().formatHex(ref));
        }
        boolean refused = random.nextInt(3) == 0;
        List<String> reasons = new ArrayList<>();
        if (refused) {
            ReasonCode[] codes = ReasonCode.values();
            for (int r = 1 + random.nextInt(3); r > 0; r--) {
                reasons.add(codes[random.nextInt(codes.length)].name());
            }
        }
        List<String> rules = refused && random.nextBoolean() ? List.of("Online window", "年龄要求：8月31日前满6周岁") : List.of();
        return new AuditRecord(Instant.parse("2014-05-05T01:00:00Z").plusSeconds(37L * i), ACTORS.get(random.nextInt(ACTORS.size())),
                COMMANDS.get(random.nextInt(COMMANDS.size())), targets, children, refused ? "REFUSED" : "ACCEPTED", reasons, rules,
                DETAILS.get(random.nextInt(DETAILS.size())));
    }
}
