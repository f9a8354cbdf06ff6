package com.tradebatch.maintenance;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.tradebatch.common.Settings;

/**
 * {@code tradebatch.maintenance.*} in application.yml (where the defaults live): limits of the checking jobs.
 *
 * @param maxProblems at most this many problems are listed per database by integrity-check and import-sql's check
 */
@ConfigurationProperties("tradebatch.maintenance")
public record MaintenanceProperties(int maxProblems) {

    public MaintenanceProperties {
        Settings.positive("tradebatch.maintenance.max-problems", maxProblems);
    }
}
