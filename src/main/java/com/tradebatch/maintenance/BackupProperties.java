package com.tradebatch.maintenance;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tradebatch.backup.*} in application.yml: where backups and SQL dumps go, and retention defaults. */
@ConfigurationProperties("tradebatch.backup")
public class BackupProperties {

    /** Folder of backups and dumps; relative paths resolve like the stores' (working directory / base dir). */
    private String dir = "./backups";

    /** Default of the backup job's {@code keep}: verified backups kept per database; 0 keeps all. */
    private int keep = 0;

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    public int getKeep() {
        return keep;
    }

    public void setKeep(int keep) {
        this.keep = keep;
    }

    /** The backup folder as an absolute path. */
    public Path resolve(Path baseDir) {
        Path p = Path.of(dir);
        return (p.isAbsolute() ? p : baseDir.resolve(p)).normalize().toAbsolutePath();
    }
}
