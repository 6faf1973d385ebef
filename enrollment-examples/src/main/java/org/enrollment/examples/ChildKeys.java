package org.enrollment.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The child key of the CLI's registries ({@code --child-key FILE}): the raw bytes of a file, at least 16 (e.g.
 * {@code head -c 32 /dev/urandom > city.key}); or, for a journal without one, a new random key written next to
 * it, so that the journal can be resumed and checked.
 */
final class ChildKeys {

    private ChildKeys() {
    }

    /**
     * The key in the file.
     *
     * @throws IllegalArgumentException with a one-line message naming the file when it cannot be read or is short
     */
    static byte[] read(Path file) {
        byte[] key;
        try {
            key = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--child-key " + file + ": cannot be read (" + e.getMessage() + ").");
        }
        if (key.length < 16) {
            throw new IllegalArgumentException("--child-key " + file + ": a child key has at least 16 bytes, the file has "
                    + key.length + ".\nMaybe make one with: head -c 32 /dev/urandom > " + file);
        }
        return key;
    }

    /** A new random key, written to the file (readable by its owner only, where the file system allows). */
    static byte[] createIn(Path file) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.deleteIfExists(file);
            Files.write(file, key);
            try {
                Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps the default permissions
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the child key to " + file + " (" + e.getMessage() + ").");
        }
        return key;
    }
}
