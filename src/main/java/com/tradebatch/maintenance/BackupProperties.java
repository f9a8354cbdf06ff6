package com.tradebatch.maintenance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradebatch.backup.*} in application.yml (where the defaults live).
 *
 * @param dir  folder of backups and SQL dumps; relative paths resolve like the stores' (working directory / base dir)
 * @param keep default of the backup job's {@code keep}: verified backups kept per database; 0 keeps all
 */
@ConfigurationProperties("tradebatch.backup")
public record BackupProperties(String dir, int keep) {

    public BackupProperties {
        if (dir == null || dir.isBlank() || keep < 0) {
            throw new IllegalArgumentException("tradebatch.backup.dir must be set and tradebatch.backup.keep be 0 or more"
                    + " (application.yml), not " + dir + " / " + keep);
        }
    }
}
