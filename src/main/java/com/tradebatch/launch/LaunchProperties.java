package com.tradebatch.launch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradebatch.launch.*} in application.yml (where the default lives): {@code maxRunning} is how many jobs
 * launched over HTTP may run at once in {@code serve} (each holds a thread of {@link AsyncLauncher} for its whole run).
 */
@ConfigurationProperties("tradebatch.launch")
public record LaunchProperties(int maxRunning) {

    public LaunchProperties {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("tradebatch.launch.max-running must be at least 1 (application.yml), not " + maxRunning);
        }
    }
}
