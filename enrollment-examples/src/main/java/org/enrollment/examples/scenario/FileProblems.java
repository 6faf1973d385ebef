package org.enrollment.examples.scenario;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** What went wrong with a file, in the few words a one-line message ends with. */
public final class FileProblems {

    private FileProblems() {
    }

    /** The reason a file could not be read or written: "no such file", "permission denied", ... */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().strip();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** The file and the reason, when the exception names the file: "a.jsonl: no such file". */
    public static String describe(IOException e) {
        return e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " + reason(e) : reason(e);
    }

    /**
     * Closes a scenario file (flushing it first when it is written).
     *
     * @throws UncheckedIOException naming the reason, when closing fails
     */
    static void close(Closeable file) {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Closing the scenario file failed: " + reason(e), e);
        }
    }
}
