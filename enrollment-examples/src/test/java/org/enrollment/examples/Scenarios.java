package org.enrollment.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The scenario files the tests run: the copies in test resources, the shared ones, and files written on the spot. */
final class Scenarios {

    /** A season line with two Haidian schools and a boarding school in Xicheng. */
    static final String SEASON = "{\"season\": {\"year\": 2014, \"opens\": \"2014-05-05T00:00:00+08:00\", "
            + "\"closes\": \"2014-06-01T00:00:00+08:00\", \"schools\": ["
            + "{\"code\": \"HD001\", \"name\": \"海淀实验小学\", \"district\": \"110108\", \"plan\": 2}, "
            + "{\"code\": \"HD002\", \"name\": \"中关村第一小学\", \"district\": \"110108\", \"plan\": 1}, "
            + "{\"code\": \"XC900\", \"name\": \"北京小学\", \"district\": \"110102\", \"plan\": 1, \"boarding\": true}]}}";

    /** A registration that is accepted. */
    static final String REGISTER = "{\"at\": \"2014-05-06T09:00:00+08:00\", \"as\": \"GUARDIAN\", \"do\": \"register\", "
            + "\"child\": \"110108200801010013\", \"name\": \"王小明\", \"household\": \"110108\", \"district\": \"110108\", "
            + "\"school\": \"HD001\", \"expect\": {\"outcome\": \"ACCEPTED\", \"state\": \"SUBMITTED\"}}";

    private Scenarios() {
    }

    /** The copies of the shared scenario files kept in test resources, sorted by name. */
    static List<Path> bundled() {
        try {
            Path dir = Path.of(Scenarios.class.getResource("/scenarios").toURI());
            return jsonl(dir);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared scenario files, {@code ../shared/scenarios} beside the repository, when they are there. */
    static Optional<Path> sharedDir() {
        String dir = System.getProperty("enrollment.sharedScenarios");
        return dir == null ? Optional.empty() : Optional.of(Path.of(dir)).filter(Files::isDirectory);
    }

    static List<Path> jsonl(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a scenario file of these lines. */
    static Path write(Path dir, String name, String... lines) {
        try {
            return Files.writeString(dir.resolve(name), String.join("\n", lines) + (lines.length == 0 ? "" : "\n"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] args(String first, List<Path> files) {
        return Stream.concat(Stream.of(first), files.stream().map(Path::toString)).toArray(String[]::new);
    }
}
