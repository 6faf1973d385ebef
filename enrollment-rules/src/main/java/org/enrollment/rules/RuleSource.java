package org.enrollment.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Where rule files come from: the jar (the shipped policies) or a folder the host chose. */
abstract class RuleSource {

    /** The folder of the jar that holds the shipped files and their index. */
    static final String SHIPPED_FOLDER = "org/enrollment/rules/policies/";
    private static final String INDEX = SHIPPED_FOLDER + "index.txt";

    /** The shipped policies. */
    static RuleSource shipped() {
        return Shipped.INSTANCE;
    }

    /** The rule files directly in this folder. */
    static RuleSource folder(Path folder) {
        return new Folder(folder);
    }

    /**
     * Reads the files.
     *
     * @throws RuleLoadException when the files cannot be read or there are none
     */
    abstract List<RuleFile> read();

    /** Whether the files can change, so that a reload is worth doing. */
    abstract boolean reloadable();

    /** The names of the shipped files, as the index lists them. */
    static List<String> shippedNames() {
        List<String> names = new ArrayList<>();
        for (String line : new String(resource(INDEX), StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    /** The bytes of a resource of this library's jar. */
    static byte[] resource(String path) {
        try (InputStream in = RuleSource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The jar has no " + path + ".\nMaybe the build left out src/main/resources.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " from the jar.", e);
        }
    }

    private static final class Shipped extends RuleSource {

        static final Shipped INSTANCE = new Shipped();

        @Override
        List<RuleFile> read() {
            return shippedNames().stream().map(n -> new RuleFile(n, resource(SHIPPED_FOLDER + n))).toList();
        }

        @Override
        boolean reloadable() {
            return false;
        }

        @Override
        public String toString() {
            return "the shipped rules";
        }
    }

    private static final class Folder extends RuleSource {

        private final Path folder;

        Folder(Path folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
        }

        @Override
        List<RuleFile> read() {
            if (!Files.isDirectory(folder)) {
                throw new RuleLoadException(toString(), List.of(new RuleProblem("", 0,
                        "The folder " + folder + " does not exist or is not a folder.")));
            }
            List<Path> paths;
            try (Stream<Path> listing = Files.list(folder)) {
                paths = listing.filter(p -> Files.isRegularFile(p) && RuleFile.isRuleFile(p.getFileName().toString())
                        && !RuleFile.isLockFile(p.getFileName().toString())).sorted().toList();
            } catch (IOException e) {
                throw new RuleLoadException(toString(), List.of(new RuleProblem("", 0, "Cannot list the folder: " + e)));
            }
            if (paths.isEmpty()) {
                throw new RuleLoadException(toString(), List.of(new RuleProblem("", 0,
                        "The folder " + folder + " has no rule files (*.drl, *.drl.csv, *.drl.xls, *.drl.xlsx)."
                                + "\nMaybe start from the shipped files: DroolsPolicyEngine.exportShippedRules(folder).")));
            }
            List<RuleProblem> problems = RuleFile.sameTableTwice(paths.stream().map(p -> p.getFileName().toString()).toList());
            if (!problems.isEmpty()) {
                throw new RuleLoadException(toString(), problems);
            }
            List<RuleFile> files = new ArrayList<>();
            for (Path p : paths) {
                String name = p.getFileName().toString();
                try {
                    files.add(new RuleFile(name, Files.readAllBytes(p)));
                } catch (IOException e) {
                    problems.add(new RuleProblem(name, 0, "Cannot read the file: " + e));
                }
            }
            if (!problems.isEmpty()) {
                throw new RuleLoadException(toString(), problems);
            }
            return files;
        }

        @Override
        boolean reloadable() {
            return true;
        }

        @Override
        public String toString() {
            return "folder " + folder;
        }
    }
}
