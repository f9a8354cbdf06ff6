package com.tradebatch.store;

/** A store that cannot be opened, migrated, or whose schema is not the trading system's. */
public class StoreSchemaException extends RuntimeException {
    public StoreSchemaException(String message) {
        super(message);
    }

    public StoreSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
