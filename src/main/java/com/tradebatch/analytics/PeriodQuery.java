package com.tradebatch.analytics;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The one query of a metric calculator over one period ({@code ? <= time < ?}, the period's bounds): every row
 * counts as read, only the rows of symbols in the scope (the query's first column) reach the calculator.
 */
final class PeriodQuery {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final SymbolScope scope;

    /** @param fetchSize rows per round trip; 0 leaves the driver's own */
    PeriodQuery(DataSource source, int fetchSize, String sql, SymbolScope scope) {
        this.jdbc = new JdbcTemplate(source);
        if (fetchSize > 0) {
            this.jdbc.setFetchSize(fetchSize);
        }
        this.sql = sql;
        this.scope = scope;
    }

    void forEachRow(MetricPeriod period, MetricSink sink, RowCallbackHandler inScope) {
        long[] read = {0};
        jdbc.query(sql, rs -> {
            read[0]++;
            if (scope.includes(rs.getString(1))) {
                inScope.processRow(rs);
            }
        }, period.lowerBound(), period.upperBound());
        sink.read(read[0]);
    }
}
