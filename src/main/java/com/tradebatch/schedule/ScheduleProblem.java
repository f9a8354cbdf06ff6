package com.tradebatch.schedule;

import java.nio.file.Path;

/** A schedule file that cannot run, with the line (1-based; 0 when it concerns the whole file) and why. */
public record ScheduleProblem(Path file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
