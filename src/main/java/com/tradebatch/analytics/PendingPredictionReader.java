package com.tradebatch.analytics;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.item.database.support.SqlitePagingQueryProvider;
import org.springframework.jdbc.core.RowMapper;

/**
 * Predictions with no validation_timestamp yet, by id, a page at a time: Spring Batch's
 * {@link JdbcPagingItemReader}, which pages by key ({@code id > last id of the page before}), so rows the
 * validation has just updated out of the WHERE clause shift no page. It saves no state: a rerun reads again only
 * what is still unvalidated, so a restart can never skip a prediction whose update did not commit.
 */
public final class PendingPredictionReader {

    private static final RowMapper<PendingPrediction> ROW = (rs, n) -> {
        double v = rs.getDouble("predicted_value");
        Double predicted = rs.wasNull() ? null : v;
        return new PendingPrediction(rs.getLong("id"), rs.getString("symbol"), rs.getString("interval"),
                rs.getString("prediction_timestamp"), rs.getString("prediction_type"), predicted,
                rs.getString("prediction_data"));
    };

    private PendingPredictionReader() {
    }

    public static JdbcPagingItemReader<PendingPrediction> create(DataSource analytics, int pageSize) throws Exception {
        // the SQLite provider given here, not detected: detection would open a connection to ask the driver
        SqlitePagingQueryProvider query = new SqlitePagingQueryProvider();
        query.setSelectClause("id, symbol, interval, prediction_timestamp, prediction_type, predicted_value, prediction_data");
        query.setFromClause("ml_model_results");
        query.setWhereClause("validation_timestamp IS NULL");
        query.setSortKeys(Map.of("id", Order.ASCENDING));
        return new JdbcPagingItemReaderBuilder<PendingPrediction>()
                .name("pending-predictions")
                .dataSource(analytics)
                .queryProvider(query)
                .pageSize(pageSize)
                .rowMapper(ROW)
                .saveState(false)
                .build();
    }
}
