package org.enrollment.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The folders the staff's edits are tried in: the shipped files, fresh for each test. */
final class RuleFolders {

    private RuleFolders() {
    }

    /** Empties the folder and exports the shipped files into it. */
    static void startFromTheShippedFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        DroolsPolicyEngine.exportShippedRules(folder);
    }
}
