package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The checker that is not ours: {@code src/test/resources/tlogcheck/main.go}, built offline against Go's
 * golang.org/x/mod/sumdb/note and sumdb/tlog from Debian's {@code golang-golang-x-mod-dev} in /usr/share/gocode.
 */
final class GoTlogCheck {

    /** Where Debian puts Go sources. */
    static final Path GOPATH = Path.of("/usr/share/gocode");

    private final Path binary;

    private GoTlogCheck(Path binary) {
        this.binary = binary;
    }

    /** Builds the checker in this folder; fails with what to install when Go or x/mod is missing. */
    static GoTlogCheck build(Path dir) throws IOException, InterruptedException {
        assertThat(GOPATH.resolve("src/golang.org/x/mod/sumdb/tlog")).as(
                "golang.org/x/mod/sumdb in /usr/share/gocode: apt-get install golang-go golang-golang-x-mod-dev (as .ci/run does)")
                .isDirectory();
        Path source = dir.resolve("main.go");
        try (InputStream in = GoTlogCheck.class.getResourceAsStream("/tlogcheck/main.go")) {
            Files.copy(in, source);
        }
        Path binary = dir.resolve("tlogcheck");
        Result built = run(dir, List.of("go", "build", "-o", binary.toString(), source.toString()));
        assertThat(built.code()).as("go build: %s", built.output()).isZero();
        return new GoTlogCheck(binary);
    }

    /** Runs a check; the exit code and what it printed. */
    Result check(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        return run(dir, command);
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GO111MODULE", "off");
        env.put("GOPATH", GOPATH.toString());
        env.put("GOFLAGS", "");
        env.put("GOPROXY", "off");
        env.put("GOTOOLCHAIN", "local");
        env.put("GOCACHE", dir.resolve("gocache").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), output);
    }

    /**
     * What a run gave.
     *
     * @param code the exit code
     * @param output standard output and error
     */
    record Result(int code, String output) {
    }
}
