package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.tradebatch.maintenance.BackupFiles;
import com.tradebatch.maintenance.DatabaseRestorer;
import com.tradebatch.maintenance.DatabaseRestorer.Outcome;
import com.tradebatch.maintenance.DatabaseRestorer.RestoreRefused;
import com.tradebatch.store.Store;
import com.tradebatch.launch.UsageException;
import com.tradebatch.launch.ExitCode;

/**
 * {@code restore <database> <backup-file> [--force]}: verifies the backup, keeps the current file aside and swaps
 * the backup in. A command, not a job: the database it replaces may be the one that is broken. Exit 1 when the
 * backup is refused (nothing changed). Only a file with a verified manifest whose size and sha256 match is taken;
 * {@code --force} takes one without (a copy from elsewhere), still checked by SQLite and the schema.
 * {@code restore <database>} lists that database's verified backups.
 */
@Component
class RestoreCommand implements Command {

    static final String FORCE = "--force";
    static final String USAGE = "usage: tradebatch restore <database> [<backup-file> [--force]]"
            + "  (database: trading, market, analytics, batch; without a file: its verified backups)";

    private final DatabaseRestorer restorer;
    private final BackupFiles files;

    RestoreCommand(DatabaseRestorer restorer, BackupFiles files) {
        this.restorer = restorer;
        this.files = files;
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        boolean force = args.contains(FORCE);
        List<String> words = args.stream().filter(a -> !a.equals(FORCE)).toList();
        if (words.isEmpty() || words.size() > 2 || (force && words.size() < 2)) {
            throw new UsageException(USAGE);
        }
        Store store;
        try {
            store = Store.fromKey(words.get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "\n" + USAGE);
        }
        if (words.size() == 1) {
            return list(store, out);
        }
        Outcome outcome;
        try {
            outcome = restorer.restore(store, restorer.locate(words.get(1)), force);
        } catch (RestoreRefused e) {
            throw new IllegalStateException("restore refused: " + e.getMessage());
        }
        long rows = outcome.rows().values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "%s: verified %s (%s; integrity_check ok; %,d rows in %d tables)%n", store.key(),
                outcome.backup(), outcome.manifest() == null ? "no verified manifest, restored because of --force"
                        : "size, sha256 and rows match its manifest", rows, outcome.rows().size());
        out.println(store.key() + ": restored into " + outcome.target());
        out.println(store.key() + ": " + (outcome.keptAside() == null ? "there was no current file to keep"
                : "the previous file is kept as " + outcome.keptAside()));
        return ExitCode.OK;
    }

    /** The verified backups, newest first, as their manifests describe them (the sha256 is checked on restore). */
    private int list(Store store, PrintStream out) {
        List<BackupFiles.Backup> backups = files.verified(store);
        if (backups.isEmpty()) {
            out.println("no verified backups of " + store.key() + " in " + files.dir());
            return ExitCode.OK;
        }
        out.println("verified backups of " + store.key() + " in " + files.dir() + ", newest first:");
        for (BackupFiles.Backup b : backups) {
            out.printf(Locale.ROOT, "  %s  %s  %,d bytes  %,d rows%n", b.file().getFileName(), b.manifest().created(),
                    b.manifest().size(), b.manifest().totalRows());
        }
        out.println("restore one with: tradebatch restore " + store.key() + " <file>");
        return ExitCode.OK;
    }
}
