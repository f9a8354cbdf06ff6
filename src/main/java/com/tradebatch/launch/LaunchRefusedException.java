package com.tradebatch.launch;

/** Every launch thread of this process is busy with a running job: try again when one ends (HTTP 503). */
public class LaunchRefusedException extends IllegalStateException {
    public LaunchRefusedException(String message) {
        super(message);
    }
}
