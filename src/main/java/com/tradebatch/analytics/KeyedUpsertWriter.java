package com.tradebatch.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

import com.tradebatch.common.JobReport;
import com.tradebatch.common.TradingTime;

/**
 * Insert-or-update on a natural key that has no UNIQUE index, the one upsert that is not a
 * {@code JdbcBatchItemWriter} with {@code ON CONFLICT}: the trading system's schema has no unique index on these
 * keys and tradebatch does not add one (see README, "Upsert keys"), so {@code ON CONFLICT} has nothing to
 * conflict on. Per item, in the chunk's transaction: an UPDATE of the row with that key that only matches when a
 * value differs, then, when nothing was updated, an INSERT ... WHERE NOT EXISTS of the key. SQLite lets one
 * writer in at a time, so no other writer can insert the same key between the two. Re-writing a chunk changes
 * nothing (restart safety). Both statements take named parameters from the same source, are prepared once per
 * chunk, and find the key through an index the schema already has. The job report gets
 * "N inserted, N updated, N unchanged" ({@link UpsertCounts}: committed chunks only).
 */
public abstract class KeyedUpsertWriter<T> implements ItemWriter<T>, StepExecutionListener {

    public enum Outcome { INSERTED, UPDATED, UNCHANGED }

    private final DataSource dataSource;
    private final String table;
    private final ParsedSql update;
    private final ParsedSql insert;
    private final UpsertCounts counts = new UpsertCounts();

    protected KeyedUpsertWriter(DataSource dataSource, String table, String updateSql, String insertSql) {
        this.dataSource = dataSource;
        this.table = table;
        this.update = NamedParameterUtils.parseSqlStatement(updateSql);
        this.insert = NamedParameterUtils.parseSqlStatement(insertSql);
    }

    /** The named values both statements read for one item; {@code now} is the chunk's write time. */
    protected abstract SqlParameterSource parameters(T item, String now);

    @Override
    public void write(Chunk<? extends T> chunk) throws SQLException {
        String now = TradingTime.now();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement u = prepare(connection, update); PreparedStatement i = prepare(connection, insert)) {
            for (T item : chunk) {
                counts.add(upsert(u, i, parameters(item, now)));
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private Outcome upsert(PreparedStatement u, PreparedStatement i, SqlParameterSource values) throws SQLException {
        bind(u, update, values);
        if (u.executeUpdate() > 0) {
            return Outcome.UPDATED;
        }
        bind(i, insert, values);
        return i.executeUpdate() > 0 ? Outcome.INSERTED : Outcome.UNCHANGED;
    }

    private static PreparedStatement prepare(Connection connection, ParsedSql sql) throws SQLException {
        return connection.prepareStatement(NamedParameterUtils.substituteNamedParameters(sql, null));
    }

    /** Binds by name, in the order the names occur (a name used twice is bound twice); an unknown name fails. */
    private static void bind(PreparedStatement ps, ParsedSql sql, SqlParameterSource values) throws SQLException {
        Object[] positional = NamedParameterUtils.buildValueArray(sql, values, null);
        for (int p = 0; p < positional.length; p++) {
            Object v = positional[p] instanceof SqlParameterValue typed ? typed.getValue() : positional[p];
            if (v == null) {
                ps.setNull(p + 1, Types.NULL);
            } else {
                ps.setObject(p + 1, v);
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        JobReport.append(stepExecution.getJobExecution(), counts.describe(table));
        return null;
    }
}
