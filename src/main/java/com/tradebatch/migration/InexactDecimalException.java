package com.tradebatch.migration;

/** strict-decimals=true and a numeric value a REAL cannot hold. */
public class InexactDecimalException extends RuntimeException {

    public InexactDecimalException(String message) {
        super(message);
    }
}
