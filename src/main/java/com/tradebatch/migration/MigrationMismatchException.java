package com.tradebatch.migration;

/** The verification found a table whose target does not hold what the legacy table holds. */
public class MigrationMismatchException extends RuntimeException {

    public MigrationMismatchException(String message) {
        super(message);
    }
}
