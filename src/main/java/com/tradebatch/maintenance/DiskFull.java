package com.tradebatch.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** Recognises "no space left" in what Java and SQLite throw, and says so naming the folder. */
final class DiskFull {

    /** SQLite's primary result code SQLITE_FULL ({@code xWrite} got ENOSPC). */
    private static final int SQLITE_FULL = 13;

    private DiskFull() {
    }

    static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() & 0xff) == SQLITE_FULL) {
                return true;
            }
            String m = t.getMessage();
            // ENOSPC as the JDK words it; SQLite's own text where only the message survives
            if (m != null && (m.contains("No space left on device") || m.contains("SQLITE_FULL")
                    || m.contains("database or disk is full"))) {
                return true;
            }
        }
        return false;
    }

    /** "the disk is full: no space left in {@code folder} (...needs about n, m free)", as far as sizes can be read. */
    static String message(Path folder, long needed) {
        String sizes;
        try {
            // read after the partial files are deleted: what is free for the next attempt
            sizes = " (the backup needs about " + DbStatsTasklet.bytes(needed) + ", "
                    + DbStatsTasklet.bytes(Files.getFileStore(folder).getUsableSpace()) + " are free there)";
        } catch (IOException | RuntimeException e) {
            sizes = "";
        }
        return "the disk is full: no space left in " + folder + sizes;
    }
}
