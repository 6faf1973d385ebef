package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host developer's first project ({@code src/test/resources/fresh-host}, written from the README's embedding
 * section and the Javadoc alone) built by Maven, offline, against the jars this reactor just built, and run: one
 * child from registration to the student record, in memory and on H2, with nothing logged at INFO or above
 * by the library or its dependencies under {@code slf4j-simple}'s default level.
 *
 * <p>The inner build gets a local repository of its own holding this reactor's three artifacts; everything
 * else comes from the outer build's local repository, read as a {@code file:} mirror (the only protocol the
 * offline build may use).
 */
class FreshHostProjectIT {

    @TempDir
    Path dir;

    @Test
    void aHostProjectRunsAChildToItsStudentRecordInMemoryAndOnH2WithNothingLogged() throws Exception {
        Path project = copyProject();
        Path repository = dir.resolve("repository");
        installReactorArtifacts(repository);
        Path settings = Files.writeString(dir.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror><id>outer-build</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(property("outer.localRepository")).toUri()));

        Process maven = new ProcessBuilder(maven(), "-B", "-q", "-o", "-Daether.offline.protocols=file",
                "-s", settings.toString(), "-Dmaven.repo.local=" + repository,
                "-Denrollment.version=" + property("enrollment.version"),
                "-Dslf4j.version=" + property("slf4j.version"), "-Dh2.version=" + property("h2.version"),
                "process-classes")
                .directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("maven.txt").toFile()).start();
        boolean done = maven.waitFor(10, TimeUnit.MINUTES);
        String mavenOutput = Files.readString(dir.resolve("maven.txt"));
        Path hostOutput = project.resolve("target/host-output.txt");
        String output = Files.exists(hostOutput) ? Files.readString(hostOutput) : "";
        System.out.println(output);

        assertThat(done).as("the inner build ends within 10 minutes").isTrue();
        assertThat(maven.exitValue()).as(mavenOutput + output).isZero();
        assertThat(output).contains("in memory: FILED, on H2: FILED");
        assertThat(output.lines().filter(line -> EnrollmentJarIT.LOGGED.matcher(line).find())).as(output).isEmpty();
    }

    private Path copyProject() throws IOException {
        Path source = Path.of(property("basedir"), "src/test/resources/fresh-host");
        Path target = dir.resolve("fresh-host");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** Lays the parent pom and the core and rules modules' poms and jars out as {@code mvn install} would. */
    private static void installReactorArtifacts(Path repository) throws IOException {
        Path root = Path.of(property("basedir")).getParent();
        String version = property("enrollment.version");
        install(repository, "enrollment-parent", version, root.resolve("pom.xml"), null);
        for (String module : List.of("enrollment-core", "enrollment-rules")) {
            Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
            install(repository, module, version, root.resolve(module).resolve("pom.xml"), jar);
        }
    }

    private static void install(Path repository, String artifact, String version, Path pom, Path jar) throws IOException {
        Path at = Files.createDirectories(repository.resolve("org/enrollment").resolve(artifact).resolve(version));
        Files.copy(pom, at.resolve(artifact + "-" + version + ".pom"));
        if (jar != null) {
            assertThat(jar).as("built by this reactor before the integration tests").exists();
            Files.copy(jar, at.resolve(artifact + "-" + version + ".jar"));
        }
    }

    private static String maven() {
        String home = property("maven.home");
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        return Path.of(home, "bin", windows ? "mvn.cmd" : "mvn").toString();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + " (set by the failsafe configuration)").isNotBlank();
        return value;
    }
}
