package org.enrollment.rules;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests of edits a policy officer makes: one engine loaded once from a folder of the shipped files, and the
 * folder back to the shipped files before each test (a refused reload leaves the engine as it was, which is
 * what most of these tests check). Test classes run one after another, each with its own folder and engine.
 */
abstract class ShippedFolderTest {

    /** The folder the engine loads; every test starts from the shipped files and may edit them. */
    @TempDir
    static Path folder;

    /** The engine over {@link #folder}. */
    static DroolsPolicyEngine engine;

    @BeforeAll
    static void loadTheShippedFilesFromAFolder() throws IOException {
        DroolsPolicyEngine.exportShippedRules(folder);
        engine = DroolsPolicyEngine.fromFolder(folder);
    }

    @BeforeEach
    void startFromTheShippedFiles() throws IOException {
        RuleFolders.startFromTheShippedFiles(folder);
    }
}
