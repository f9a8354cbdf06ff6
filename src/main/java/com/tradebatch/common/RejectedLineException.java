package com.tradebatch.common;

/**
 * A line of an input file that cannot be loaded: thrown by readers (cannot parse) and processors (fails
 * validation), skipped by {@link RejectSkipPolicy} up to the job's limit and written to the reject file.
 */
public class RejectedLineException extends RuntimeException {

    private final String sourceFile;
    private final long lineNumber;
    private final String rawLine;
    private final String reason;

    public RejectedLineException(String sourceFile, long lineNumber, String reason, String rawLine) {
        super(sourceFile + " line " + lineNumber + ": " + reason);
        this.sourceFile = sourceFile;
        this.lineNumber = lineNumber;
        this.rawLine = rawLine;
        this.reason = reason;
    }

    public String sourceFile() {
        return sourceFile;
    }

    public long lineNumber() {
        return lineNumber;
    }

    public String reason() {
        return reason;
    }

    public String rawLine() {
        return rawLine;
    }
}
