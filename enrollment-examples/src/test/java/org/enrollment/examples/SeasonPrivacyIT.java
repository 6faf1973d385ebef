package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal data (issue #7): the packaged jar plays the full default season (about 170,000 children, the
 * default seed) with every log line of the library on, exports its audit log and writes the season as a
 * scenario file. No line of standard output, of the log on standard error or of the audit export shows a
 * child's raw resident ID; the season file, which holds every child's ID by design, shows that the same
 * scan finds them.
 *
 * <p>Every logger logs at TRACE: the default level, and each logger the jar's {@code simplelogger.properties}
 * names, named again (slf4j-simple takes a system property before that file, but the most specific logger name
 * configured wins). Drools, KIE and Hibernate Validator log at DEBUG instead: at TRACE the rule engine writes
 * every network node it links and every fact it inserts, about 36 KB a child (6 GB a season), and the validator
 * every constraint it checks, about 17 KB a child; on a 2,000-child season at TRACE neither showed a raw ID. The
 * facts the engine prints are those of enrollment-rules, which keep only the masked ID; the validator describes
 * the constraint, never the value. At DEBUG the season's log is about 400 MB, so the output goes to files, read
 * back line by line.
 */
class SeasonPrivacyIT {

    /** A raw resident ID: 17 digits and a check character, not inside a longer run of letters and digits (a hash). */
    static final Pattern RAW_ID = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

    private static final String LOGGER = "org.slf4j.simpleLogger.log.";
    private static final String LIBRARY = "org.enrollment";
    private static final List<String> ENGINES = List.of("org.drools", "org.kie", "org.hibernate.validator");

    @TempDir
    Path dir;

    @Test
    void noLogLineAndNoAuditLineOfAFullSeasonShowsARawResidentId() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Path season = dir.resolve("season.jsonl");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        command.addAll(everyLogLine());
        // The files are named relative to the process's working directory: the temporary directory's name is a
        // random number, 18 digits long about one time in twenty, which the scan would rightly report as an ID.
        command.addAll(List.of("-jar", jar().toAbsolutePath().toString(), "simulate", "--audit", audit.getFileName().toString(),
                "--durability", "os-buffered", "--out", season.getFileName().toString()));

        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished = p.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        double played = (System.nanoTime() - started) / 1e9;

        assertThat(finished).as("the season finished within 15 minutes").isTrue();
        assertThat(p.exitValue()).as(tail(err)).isZero();
        String summary = Files.readString(out);
        long commands = number(summary, "Commands: ([\\d,]+) ");
        long entries = number(summary, "Audit log: ([\\d,]+) entries, exported to .+ and checked from the file: verified intact;");
        started = System.nanoTime();
        Scan printed = Scan.of(out);
        Scan logged = Scan.of(err);
        Scan exported = Scan.of(audit);
        Scan generated = Scan.of(season);
        double scanned = (System.nanoTime() - started) / 1e9;
        System.out.printf("SeasonPrivacyIT: season of %,d commands played in %.1f s (java -jar, every log line on), "
                + "files scanned in %.1f s:%n", commands, played, scanned);
        Stream.of(printed, logged, exported, generated).forEach(s -> System.out.println("  " + s));

        assertThat(List.of(printed, logged, exported)).allSatisfy(s -> assertThat(s.ids())
                .as("raw resident IDs in %s, first at lines %s", s.file().getFileName(), s.firstLines()).isZero());
        assertThat(exported.lines()).as("audit lines").isEqualTo(entries).isEqualTo(commands);
        assertThat(logged.libraryLines()).as("the library's log lines: the registry's alone are one for every command")
                .isGreaterThanOrEqualTo(commands);
        assertThat(generated.ids()).as("the children's IDs in the season file, found by the same scan").isGreaterThan(170_000);
    }

    @Test
    void theScanFindsRawIdsAndPassesOverMaskedIdsHashesAndLongerNumbers() {
        assertThat(Scan.count("\"child\":\"11010820080101001X\" and 110108200801010013.")).isEqualTo(2);
        assertThat(Scan.count("child 110108********0013, hash 0000110108200801010013ab, 1101082008010100133, x110108200801010013"))
                .isZero();
    }

    /**
     * The JVM options that turn every log line on: the default and each logger the jar's simplelogger.properties
     * names at TRACE, the engines at DEBUG.
     */
    private static List<String> everyLogLine() throws IOException {
        Properties shipped = new Properties();
        try (JarFile jar = new JarFile(jar().toFile()); InputStream in = jar.getInputStream(jar.getEntry("simplelogger.properties"))) {
            shipped.load(in);
        }
        TreeSet<String> loggers = new TreeSet<>(ENGINES);
        loggers.add(LIBRARY);
        shipped.stringPropertyNames().stream().filter(k -> k.startsWith(LOGGER)).map(k -> k.substring(LOGGER.length())).forEach(loggers::add);
        List<String> options = new ArrayList<>(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace"));
        loggers.forEach(l -> options.add("-D" + LOGGER + l + "=" + (ENGINES.stream().anyMatch(l::startsWith) ? "debug" : "trace")));
        return options;
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("enrollment.jar", "target/enrollment.jar"));
        assertThat(jar).as("the packaged jar").exists();
        return jar;
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /** The last few KB of a file that may be large: where a failed run says why. */
    private static String tail(Path file) throws IOException {
        try (SeekableByteChannel c = Files.newByteChannel(file)) {
            ByteBuffer last = ByteBuffer.allocate((int) Math.min(c.size(), 8192));
            c.position(c.size() - last.capacity()).read(last);
            return new String(last.array(), StandardCharsets.UTF_8);
        }
    }

    /**
     * One file read line by line for raw resident IDs.
     *
     * @param file the file
     * @param lines its lines
     * @param libraryLines the lines logged by the library's own loggers
     * @param bytes its size
     * @param ids the raw IDs found
     * @param firstLines the numbers of the first lines (at most five) that hold one
     */
    record Scan(Path file, long lines, long libraryLines, long bytes, long ids, List<Long> firstLines) {

        /**
         * Reads the file as ISO-8859-1, one character a byte: an ID is ASCII in any encoding the log may have
         * been written in, and no byte sequence is malformed.
         */
        static Scan of(Path file) throws IOException {
            long lines = 0;
            long libraryLines = 0;
            long ids = 0;
            List<Long> firstLines = new ArrayList<>();
            Matcher m = RAW_ID.matcher("");
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines++;
                    libraryLines += line.contains(" " + LIBRARY + ".") ? 1 : 0;
                    long found = count(m.reset(line));
                    if (found > 0 && firstLines.size() < 5) {
                        firstLines.add(lines);
                    }
                    ids += found;
                }
            }
            return new Scan(file, lines, libraryLines, Files.size(file), ids, List.copyOf(firstLines));
        }

        static long count(String text) {
            return count(RAW_ID.matcher(text));
        }

        private static long count(Matcher m) {
            long n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }

        @Override
        public String toString() {
            return String.format("%-12s %,11d lines (%,9d of the library's log) %,13d bytes %,9d raw resident IDs",
                    file.getFileName(), lines, libraryLines, bytes, ids);
        }
    }
}
