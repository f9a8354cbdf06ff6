package com.tradebatch.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import com.tradebatch.store.UrlRedaction;

/** The figures of a {@code candlestick_metadata} row that the series list and a series' coverage both show. */
final class SeriesMetadata {

    /** Selected in this order, read by {@link #put}. */
    static final String COLUMNS = "earliest_timestamp, latest_timestamp, total_candles, last_sync, sync_status, error_code,"
            + " error_message";

    private SeriesMetadata() {
    }

    /** Puts the {@link #COLUMNS}, selected from column {@code first} on, into {@code row}; the error without URLs. */
    static Map<String, Object> put(Map<String, Object> row, ResultSet rs, int first) throws SQLException {
        row.put("earliest", rs.getString(first));
        row.put("latest", rs.getString(first + 1));
        row.put("totalCandles", rs.getLong(first + 2));
        row.put("lastSync", rs.getString(first + 3));
        row.put("syncStatus", rs.getString(first + 4));
        row.put("errorCode", rs.getString(first + 5));
        row.put("errorMessage", UrlRedaction.redact(rs.getString(first + 6)));
        return row;
    }
}
