package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams one legacy table in key order, a page at a time, the next page read ahead (see {@link SourcePager},
 * {@link PagePrefetcher}). After each committed chunk the
 * step's execution context holds the key of the last row written, so a restart continues after it. A table not
 * selected ({@code tables=}) or absent from the legacy database reads nothing.
 */
public class LegacyTableReader implements ItemStreamReader<MigrationRow> {

    static final String LAST_KEY = "pg-migrate.last-key.";
    static final String LAST_KEY_SIZE = "pg-migrate.last-key.size";
    static final String ROWS = "pg-migrate.rows";
    /** Sum of the rows' checksums over their mapped (compared) values, the target side's to match (RowChecksum). */
    static final String MAPPED_CHECKSUM = "pg-migrate.mapped-checksum";
    /** Sum of PostgreSQL's hashes of the rows read (TableMigration#sourceChecksumSql), to catch a row changed later. */
    static final String SOURCE_CHECKSUM = "pg-migrate.source-checksum";
    static final String INEXACT = "pg-migrate.inexact.";
    static final String INEXACT_SIZE = "pg-migrate.inexact.size";

    private final String table;
    private final boolean selected;
    private final MigrationTables tables;
    private final LegacySource legacy;
    private final int pageSize;
    private final boolean strictDecimals;
    /** The rows the plan step counted in the table, when this process ran it (else counted here). */
    private final LongSupplier plannedRows;

    private Connection connection;
    private PagePrefetcher pages;
    private final Deque<MigrationRow> buffer = new ArrayDeque<>();
    private boolean exhausted;
    private String[] lastKeyReturned;
    private long rowsReturned;
    private long mappedChecksum;
    private long sourceChecksum;
    private final Map<String, DecimalAudit.ColumnLoss> inexact = new TreeMap<>();
    private volatile long position;
    private volatile long total = -1;

    public LegacyTableReader(String table, boolean selected, MigrationTables tables, LegacySource legacy, int pageSize,
            boolean strictDecimals) {
        this(table, selected, tables, legacy, pageSize, strictDecimals, () -> -1);
    }

    public LegacyTableReader(String table, boolean selected, MigrationTables tables, LegacySource legacy, int pageSize,
            boolean strictDecimals, LongSupplier plannedRows) {
        this.plannedRows = plannedRows;
        this.table = table;
        this.selected = selected;
        this.tables = tables;
        this.legacy = legacy;
        this.pageSize = pageSize;
        this.strictDecimals = strictDecimals;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        if (context.containsKey(LAST_KEY_SIZE)) {
            int n = context.getInt(LAST_KEY_SIZE);
            lastKeyReturned = new String[n];
            for (int i = 0; i < n; i++) {
                lastKeyReturned[i] = context.getString(LAST_KEY + i);
            }
        }
        rowsReturned = context.getLong(ROWS, 0L);
        mappedChecksum = context.getLong(MAPPED_CHECKSUM, 0L);
        sourceChecksum = context.getLong(SOURCE_CHECKSUM, 0L);
        for (int i = 0; i < context.getInt(INEXACT_SIZE, 0); i++) {
            DecimalAudit.decodeInto(inexact, context.getString(INEXACT + i));
        }
        position = rowsReturned;
        TableMigration migration = selected ? tables.get(table).orElse(null) : null;
        if (migration == null) {
            exhausted = true;
            return;
        }
        connection = legacy.connect();
        long planned = plannedRows.getAsLong();
        total = planned >= 0 ? planned : new LegacyCatalog(connection).count(table);
        int[] compared = migration.positionsOf(migration.comparedColumns());
        // the checksum the verification compares the target with, taken on the read-ahead thread
        pages = new PagePrefetcher(new SourcePager(connection, migration, pageSize, new DecimalAudit(table, strictDecimals)),
                migration, lastKeyReturned, row -> row.valueHash(RowChecksum.hash(row.mapped(), compared)));
    }

    @Override
    public MigrationRow read() {
        if (buffer.isEmpty() && !exhausted) {
            List<MigrationRow> page = pages.next();
            if (page.isEmpty()) {
                exhausted = true;
            } else {
                buffer.addAll(page);
            }
        }
        MigrationRow row = buffer.poll();
        if (row != null) {
            lastKeyReturned = row.key();
            rowsReturned++;
            // counted here, on the step's thread, so the saved sums cover exactly the rows of the saved position
            mappedChecksum += row.valueHash();
            sourceChecksum += row.sourceHash();
            if (row.inexact() != null) {
                row.inexact().forEach(v -> DecimalAudit.merge(inexact, v.column(), v.loss()));
            }
            position = rowsReturned;
        }
        return row;
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        if (lastKeyReturned != null) {
            context.putInt(LAST_KEY_SIZE, lastKeyReturned.length);
            for (int i = 0; i < lastKeyReturned.length; i++) {
                context.putString(LAST_KEY + i, lastKeyReturned[i]);
            }
        }
        context.putLong(ROWS, rowsReturned);
        context.putLong(MAPPED_CHECKSUM, mappedChecksum);
        context.putLong(SOURCE_CHECKSUM, sourceChecksum);
        context.putInt(INEXACT_SIZE, inexact.size());
        int i = 0;
        for (Map.Entry<String, DecimalAudit.ColumnLoss> e : inexact.entrySet()) {
            context.putString(INEXACT + i++, DecimalAudit.encode(e.getKey(), e.getValue()));
        }
    }

    @Override
    public void close() throws ItemStreamException {
        if (pages != null) {
            pages.close();
            pages = null;
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to read from it
            }
            connection = null;
        }
    }

    /** Rows read so far, including those of an earlier execution this one restarted (progress position). */
    public long position() {
        return position;
    }

    /** Rows in the legacy table, -1 before open (progress total). */
    public long total() {
        return total;
    }
}
