package com.tradebatch.common;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code data/rejects/<job>-<execution-id>.csv}: one row per rejected input line with its source file, line
 * number, reason and the raw line, so a person can fix the input and load it again. Created on the first
 * reject only: a clean run leaves no file.
 */
public class RejectFile implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader("source_file", "line_number", "reason", "raw_line").get();

    private final Path path;
    private CSVPrinter printer;
    private long count;

    public RejectFile(Path dir, String job, long executionId) {
        this.path = dir.resolve(job + "-" + executionId + ".csv");
    }

    public Path path() {
        return path;
    }

    public synchronized long count() {
        return count;
    }

    public synchronized void write(RejectedLineException rejected) {
        try {
            if (printer == null) {
                Files.createDirectories(path.getParent());
                BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                printer = new CSVPrinter(out, FORMAT);
            }
            printer.printRecord(rejected.sourceFile(), rejected.lineNumber(), rejected.reason(), rejected.rawLine());
            printer.flush(); // a crash must not lose the rejects already counted
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reject file " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (printer != null) {
            try {
                printer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                printer = null;
            }
        }
    }
}
