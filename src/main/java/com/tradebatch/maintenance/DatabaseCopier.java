package com.tradebatch.maintenance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import com.tradebatch.store.ReadSnapshot;
import com.tradebatch.store.Store;
import com.tradebatch.store.Stores;

/**
 * A consistent online copy of a store with SQLite's backup API, while others keep reading and writing.
 * <p>
 * The row counts and the copy come from one read transaction on one connection: in WAL mode that transaction
 * sees one snapshot, the backup API reads through it, and writers carry on beside it (only checkpoints wait).
 * So the counts are exactly those of the copy, whatever was written meanwhile.
 */
@Component
public class DatabaseCopier {

    private static final String MAIN = "main";

    private final Stores stores;

    public DatabaseCopier(Stores stores) {
        this.stores = stores;
    }

    /** Copies the store into {@code target} (a new file) and returns the rows per table at the snapshot. */
    public Map<String, Long> copy(Store store, Path target) throws SQLException {
        try (Connection c = stores.dataSource(store).getConnection(); ReadSnapshot read = ReadSnapshot.begin(c)) {
            Map<String, Long> rows = SqliteFile.rowCounts(c); // the first read fixes the snapshot
            int rc = c.unwrap(SQLiteConnection.class).getDatabase().backup(MAIN, target.toString(), null);
            if (rc != SQLiteErrorCode.SQLITE_OK.code && rc != SQLiteErrorCode.SQLITE_DONE.code) {
                // the driver returns the failure instead of throwing it (a full disk is SQLITE_FULL)
                SQLiteErrorCode code = SQLiteErrorCode.getErrorCode(rc);
                throw new SQLiteException("[" + code.name() + "] copy of " + store.key() + " to " + target
                        + " failed: " + code.message, code);
            }
            return rows;
        }
    }
}
