package com.tradebatch.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup is, written beside it as {@code <name>_<ts>.manifest.json} once the copy is verified. Only
 * backups with a manifest saying {@code verified} count: for retention and for {@code restore}.
 *
 * @param database       store key (trading, market, analytics, batch)
 * @param source         the database file that was copied
 * @param file           the backup file's name, in the same folder as the manifest
 * @param created        UTC, the trading system's DateTime text
 * @param compression    {@code none} or {@code gzip}
 * @param size           bytes of {@code file} as stored
 * @param sha256         of {@code file} as stored
 * @param databaseSize   bytes of the database itself (differs from size when compressed)
 * @param databaseSha256 of the database itself
 * @param integrityCheck what {@code PRAGMA integrity_check} said of the copy
 * @param rows           rows per table of the source at the snapshot, equal to the copy's
 */
public record BackupManifest(String database, String source, String file, String created, String compression,
        long size, String sha256, long databaseSize, String databaseSha256, String integrityCheck,
        Map<String, Long> rows, boolean verified) {

    public static final String SUFFIX = ".manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public boolean gzipped() {
        return "gzip".equals(compression);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public static BackupManifest read(Path manifest) {
        try {
            return JSON.readValue(Files.readString(manifest), BackupManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written to a temporary file, then moved over the (reserved, empty) manifest: never half a manifest. */
    public void write(Path manifest) {
        try {
            Path tmp = temporary(manifest);
            Files.writeString(tmp, JSON.writeValueAsString(this) + "\n");
            Files.move(tmp, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@link #write} puts the manifest before moving it into place. */
    static Path temporary(Path manifest) {
        return manifest.resolveSibling(manifest.getFileName() + ".tmp");
    }

    /** The manifest that belongs beside a backup file ({@code x_ts.db} or {@code x_ts.db.gz}). */
    public static Path beside(Path backupFile) {
        String name = backupFile.getFileName().toString();
        String base = name.endsWith(".db.gz") ? name.substring(0, name.length() - ".db.gz".length())
                : name.endsWith(".db") ? name.substring(0, name.length() - ".db".length()) : name;
        return backupFile.resolveSibling(base + SUFFIX);
    }
}
