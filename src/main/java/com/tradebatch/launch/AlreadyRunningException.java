package com.tradebatch.launch;

/** The same job with the same parameters is already running (here or in another live process): never a second run. */
public class AlreadyRunningException extends IllegalStateException {
    public AlreadyRunningException(String message) {
        super(message);
    }
}
