package com.tradebatch.maintenance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tradebatch.maintenance.*} in application.yml: limits of the checking jobs. */
@ConfigurationProperties("tradebatch.maintenance")
public class MaintenanceProperties {

    /** At most this many problems are listed per database by integrity-check (SQLite's own default is 100). */
    private int maxProblems = 100;

    public int getMaxProblems() {
        return maxProblems;
    }

    public void setMaxProblems(int maxProblems) {
        this.maxProblems = maxProblems;
    }
}
