package com.tradebatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * An INSERT (or upsert) of many rows per statement: {@code head (?, ...), (?, ...), ... tail}. SQLite then runs one
 * statement for up to {@link #MAX_ROWS} rows (cursors opened once, one step, one reset) where a JDBC batch of
 * single-row statements runs one per row, each value crossing JNI on its own call: on the candle writer this cut
 * the writer thread's CPU by about a sixth (README, "Candle import", Speed). Rows are still applied one after
 * another in list order, so a key that appears twice ends with the later values, as with single-row statements.
 */
public final class MultiRowInsert {

    /** Rows per statement: 100 and 200 measured alike on candles, 500 and 1,000 no better (larger statements). */
    public static final int MAX_ROWS = 100;
    /** SQLite's bound on parameters per statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
    private static final int MAX_PARAMETERS = 32_766;

    /** Binds one item at parameters {@code offset + 1 ..}, in the column order of the row. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(T item, PreparedStatement ps, int offset) throws SQLException;
    }

    private final String head;
    private final String tail;
    private final String row;
    private final int columns;
    private final int rowsPerStatement;
    private final String full;

    /**
     * @param head    {@code INSERT INTO t (a, b) VALUES}
     * @param columns markers per row
     * @param tail    what follows the rows ({@code ON CONFLICT ...}), or empty
     */
    public MultiRowInsert(String head, int columns, String tail) {
        this.head = head;
        this.tail = tail;
        this.columns = columns;
        this.row = "(" + "?, ".repeat(columns - 1) + "?)";
        this.rowsPerStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / columns));
        this.full = sql(rowsPerStatement);
    }

    /** The statement for {@code rows} rows. */
    public String sql(int rows) {
        StringBuilder sql = new StringBuilder(head.length() + rows * (row.length() + 2) + tail.length() + 2);
        sql.append(head).append('\n');
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",\n").append(row);
        }
        return sql.append('\n').append(tail).toString();
    }

    /** Writes {@code items} in order: whole statements of the largest size, then one for the rest. */
    public <T> void write(Connection con, List<? extends T> items, RowBinder<? super T> binder) throws SQLException {
        int whole = items.size() - items.size() % rowsPerStatement;
        if (whole > 0) {
            try (PreparedStatement ps = con.prepareStatement(full)) {
                for (int start = 0; start < whole; start += rowsPerStatement) {
                    execute(ps, items, start, rowsPerStatement, binder);
                }
            }
        }
        if (whole < items.size()) {
            try (PreparedStatement ps = con.prepareStatement(sql(items.size() - whole))) {
                execute(ps, items, whole, items.size() - whole, binder);
            }
        }
    }

    private <T> void execute(PreparedStatement ps, List<? extends T> items, int start, int rows,
            RowBinder<? super T> binder) throws SQLException {
        for (int i = 0; i < rows; i++) {
            binder.bind(items.get(start + i), ps, i * columns);
        }
        ps.executeUpdate();
    }
}
