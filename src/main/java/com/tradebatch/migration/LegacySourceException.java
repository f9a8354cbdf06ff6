package com.tradebatch.migration;

/** The legacy database cannot be reached or is not usable; the message never holds a password. */
public class LegacySourceException extends RuntimeException {

    public LegacySourceException(String message) {
        super(message);
    }

    public LegacySourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
