package com.tradebatch.store;

/** A store location or setting that tradebatch refuses to start with; the message names the variable. */
public class StoreConfigurationException extends RuntimeException {
    public StoreConfigurationException(String message) {
        super(message);
    }

    public StoreConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
