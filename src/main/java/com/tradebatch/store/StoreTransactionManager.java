package com.tradebatch.store;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A store's transactions. A commit that fails (SQLITE_FULL, an I/O error) is rolled back on the spot: left open,
 * the connection would go back to the pool mid-transaction, and resetting auto-commit would then commit the very
 * chunk whose commit just failed. SQLite often rolls such a transaction back itself; rolling back again would
 * fail with "no transaction is active" and hide the real error (the disk is full), so that case is skipped.
 */
final class StoreTransactionManager extends JdbcTransactionManager {

    private static final String NO_TRANSACTION = "no transaction is active";

    StoreTransactionManager(DataSource dataSource) {
        super(dataSource);
        setRollbackOnCommitFailure(true);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (RuntimeException e) {
            // the driver offers no way to ask SQLite whether a transaction is open: its message is the only sign
            if (!saysNoTransaction(e)) {
                throw e;
            }
        }
    }

    private static boolean saysNoTransaction(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().contains(NO_TRANSACTION)) {
                return true;
            }
        }
        return false;
    }
}
