package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.tradebatch.maintenance.BackupFiles;
import com.tradebatch.maintenance.DatabaseRestorer;
import com.tradebatch.maintenance.DatabaseRestorer.Outcome;
import com.tradebatch.maintenance.DatabaseRestorer.RestoreRefused;
import com.tradebatch.store.Store;

/**
 * {@code restore <database> <backup-file>}: verifies the backup, keeps the current file aside and swaps the
 * backup in. A command, not a job: the database it replaces may be the one that is broken. Exit 1 when the
 * backup is refused (nothing changed).
 */
@Component
class RestoreCommand implements Command {

    static final String USAGE = "usage: tradebatch restore <database> <backup-file>  (database: trading, market, analytics, batch)";

    private final DatabaseRestorer restorer;
    private final BackupFiles files;

    RestoreCommand(DatabaseRestorer restorer, BackupFiles files) {
        this.restorer = restorer;
        this.files = files;
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        if (args.isEmpty() || args.size() > 2) {
            throw new UsageException(USAGE);
        }
        Store store;
        try {
            store = Store.fromKey(args.get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "\n" + USAGE);
        }
        if (args.size() == 1) {
            String known = files.verified(store).stream().map(b -> "  " + b.file())
                    .collect(Collectors.joining("\n"));
            throw new UsageException("restore " + store.key() + " needs the backup file\n" + USAGE + "\n"
                    + (known.isEmpty() ? "no verified backups of " + store.key() + " in " + files.dir()
                            : "verified backups of " + store.key() + ", newest first:\n" + known));
        }
        Outcome outcome;
        try {
            outcome = restorer.restore(store, restorer.locate(args.get(1)));
        } catch (RestoreRefused e) {
            throw new IllegalStateException("restore refused: " + e.getMessage());
        }
        long rows = outcome.rows().values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "%s: verified %s (%s; integrity_check ok; %,d rows in %d tables)%n", store.key(),
                outcome.backup(), outcome.manifest() == null ? "no manifest beside it"
                        : "size, sha256 and rows match its manifest", rows, outcome.rows().size());
        out.println(store.key() + ": restored into " + outcome.target());
        out.println(store.key() + ": " + (outcome.keptAside() == null ? "there was no current file to keep"
                : "the previous file is kept as " + outcome.keptAside()));
        return ExitCode.OK;
    }
}
