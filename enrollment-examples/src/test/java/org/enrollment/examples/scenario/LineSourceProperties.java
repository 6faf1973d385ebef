package org.enrollment.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A scenario file's reading, made fast, reads as before: {@link LineSource} (its own buffer, the JDK's decoding
 * with a strict second look) gives the lines a byte-at-a-time reading with a strict decoder gives, whatever the
 * lines and however the file arrives in pieces, and refuses the same lines; {@link JsonFields#time} reads a time as
 * {@link OffsetDateTime#parse} does, or refuses it as it does.
 */
class LineSourceProperties {

    @Property(tries = 500)
    void readsTheLinesAByteAtATimeReadingGives(@ForAll("files") byte[] file, @ForAll @IntRange(min = 1, max = 70_000) int piece,
                                               @ForAll @IntRange(min = 1, max = 300) int maxLineBytes) throws IOException {
        List<String> expected = new ArrayList<>();
        Integer refusedAt = reference(file, maxLineBytes, expected);
        List<String> read = new ArrayList<>();
        try (LineSource in = new LineSource(new Trickle(file, piece), maxLineBytes)) {
            if (refusedAt == null) {
                for (String l = in.next(); l != null; l = in.next()) {
                    read.add(l);
                    assertThat(in.number()).isEqualTo(read.size());
                }
                assertThat(read).isEqualTo(expected);
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    read.add(in.next());
                }
                assertThat(read).isEqualTo(expected);
                assertThatThrownBy(in::next).isInstanceOfSatisfying(ScenarioFileException.class,
                        e -> assertThat(e.line()).isEqualTo(refusedAt));
            }
        }
    }

    @Example
    void aLineOfExactlyTheBoundIsReadAndOneByteMoreIsRefusedNamingItsLine() throws IOException {
        byte[] file = "abc\ndefg\n".getBytes(StandardCharsets.UTF_8);
        try (LineSource in = new LineSource(new ByteArrayInputStream(file), 3)) {
            assertThat(in.next()).isEqualTo("abc");
            assertThatThrownBy(in::next).isInstanceOfSatisfying(ScenarioFileException.class, e -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.problem()).startsWith("the line is longer than 3 bytes.");
            });
        }
    }

    @Example
    void aReplacementCharacterWrittenInTheFileIsTextAndALoneContinuationByteIsNot() throws IOException {
        byte[] file = "\uFFFD李\n".getBytes(StandardCharsets.UTF_8);
        try (LineSource in = new LineSource(new ByteArrayInputStream(file), 100)) {
            assertThat(in.next()).isEqualTo("\uFFFD李");
        }
        byte[] bad = {'a', (byte) 0x80, '\n'};
        try (LineSource in = new LineSource(new ByteArrayInputStream(bad), 100)) {
            assertThatThrownBy(in::next).isInstanceOfSatisfying(ScenarioFileException.class,
                    e -> assertThat(e.problem()).isEqualTo("the line is not UTF-8 text."));
        }
    }

    @Property(tries = 5000)
    void readsATimeAsTheJdkDoes(@ForAll("times") String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> JsonFields.time(text)).isInstanceOf(e.getClass()).hasMessage(e.getMessage());
            return;
        }
        OffsetDateTime read = JsonFields.time(text);
        assertThat(read).isEqualTo(expected);
        assertThat(read.getOffset()).isEqualTo(expected.getOffset());
    }

    /** The lines as a byte at a time with a strict decoder read them (the reading before); the line refused, if one is. */
    private static Integer reference(byte[] file, int maxLineBytes, List<String> lines) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int number = 0;
        int i = 0;
        while (i < file.length) {
            number++;
            line.reset();
            while (i < file.length && file[i] != '\n') {
                if (line.size() == maxLineBytes) {
                    return number;
                }
                line.write(file[i++]);
            }
            i++;
            byte[] b = line.toByteArray();
            int length = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
            try {
                lines.add(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b, 0, length)).toString());
            } catch (java.nio.charset.CharacterCodingException e) {
                return number;
            }
        }
        return null;
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<byte[]> piece = Arbitraries.oneOf(
                Arbitraries.of("\n", "\r\n", "\r", "a", "李", "\uFFFD", "😀", "{\"at\":\"2014-05-05T07:00:01+08:00\"}")
                        .map(t -> t.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE6, (byte) 0x9D}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arbitraries.strings().ascii().ofMaxLength(120).map(t -> t.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just("x".repeat(70_000).getBytes(StandardCharsets.UTF_8)));
        return piece.list().ofMaxSize(12).map(l -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            l.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<String> times() {
        Arbitrary<String> year = Arbitraries.of("2014", "2016", "1900", "0000", "9999", "20a4");
        Arbitrary<String> month = Arbitraries.of("01", "02", "04", "12", "00", "13");
        Arbitrary<String> day = Arbitraries.of("01", "28", "29", "30", "31", "00", "32");
        Arbitrary<String> time = Arbitraries.of("00:00:00", "07:00:01", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "1:00:00");
        Arbitrary<String> offset = Arbitraries.of("+08:00", "-05:30", "+00:00", "-00:00", "+18:00", "-18:00", "+18:01", "+19:00",
                "+08:60", "Z", "+08", "+0800", "+08:00:00", "x08:00");
        Arbitrary<String> sep = Arbitraries.of("T", "t", " ");
        Arbitrary<String> shaped = Combinators.combine(year, month, day, sep, time, offset).as((y, m, d, t, hms, o) -> y + "-" + m + "-" + d + t + hms + o);
        return Arbitraries.oneOf(shaped, shaped.map(s -> s.replace(":00+", ":00.5+")), Arbitraries.strings().withChars("0123456789-:T+").ofLength(25));
    }

    /** A file arriving in pieces of at most so many bytes, as a pipe or a socket hands it over. */
    private static final class Trickle extends InputStream {

        private final byte[] data;
        private final int piece;
        private int at;

        Trickle(byte[] data, int piece) {
            this.data = data;
            this.piece = piece;
        }

        @Override
        public int read() {
            return at < data.length ? data[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, piece), data.length - at);
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }
    }
}
