package com.tradebatch.market;

/**
 * The roll-up of one symbol from a source to a target interval, in SQL: buckets of the target's length (UTC,
 * on the epoch grid: 4h buckets start at 00, 04, 08 ... UTC, 1d at midnight UTC), open = first source open,
 * high = max, low = min, close = last source close, volumes and trades summed. Only complete buckets (every
 * source candle present) are written; an optional sum is NULL unless every source candle has it.
 */
final class CandleRollupSql {

    private CandleRollupSql() {
    }

    /** Named parameters: symbol, source, target, bucket (seconds), expected (source candles per bucket). */
    private static final String BUCKETS = """
            WITH buckets AS (
                SELECT (CAST(strftime('%s', open_time) AS INTEGER) / :bucket) * :bucket AS b,
                       count(*) AS n, min(open_time) AS first_time, max(open_time) AS last_time,
                       max(high_price) AS high, min(low_price) AS low, sum(volume) AS volume,
                       CASE WHEN count(quote_asset_volume) = count(*) THEN sum(quote_asset_volume) END AS quote_volume,
                       CASE WHEN count(number_of_trades) = count(*) THEN sum(number_of_trades) END AS trades,
                       CASE WHEN count(taker_buy_base_asset_volume) = count(*) THEN sum(taker_buy_base_asset_volume) END AS taker_base,
                       CASE WHEN count(taker_buy_quote_asset_volume) = count(*) THEN sum(taker_buy_quote_asset_volume) END AS taker_quote
                FROM candlesticks
                WHERE symbol = :symbol AND interval = :source
                GROUP BY b
            )
            """;

    static final String COUNT_BUCKETS = BUCKETS + """
            SELECT count(*) AS buckets, coalesce(sum(n = :expected), 0) AS complete, coalesce(sum(n), 0) AS source_rows
            FROM buckets
            """;

    static final String UPSERT_COMPLETE_BUCKETS = BUCKETS + """
            INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price,
                                      close_price, volume, quote_asset_volume, number_of_trades,
                                      taker_buy_base_asset_volume, taker_buy_quote_asset_volume)
            SELECT :symbol, :target,
                   strftime('%Y-%m-%d %H:%M:%S', b, 'unixepoch') || '.000000',
                   strftime('%Y-%m-%d %H:%M:%S', b + :bucket - 1, 'unixepoch') || '.999000',
                   (SELECT open_price FROM candlesticks s
                     WHERE s.symbol = :symbol AND s.interval = :source AND s.open_time = first_time),
                   high, low,
                   (SELECT close_price FROM candlesticks s
                     WHERE s.symbol = :symbol AND s.interval = :source AND s.open_time = last_time),
                   volume, quote_volume, trades, taker_base, taker_quote
            FROM buckets
            WHERE n = :expected
            """ + CandleUpsertWriter.ON_CONFLICT_UPDATE_CHANGED;

    /** Symbols with candles at the source interval: from the metadata, which imports keep up to date. */
    static final String SYMBOLS_FROM_METADATA = """
            SELECT symbol FROM candlestick_metadata WHERE interval = ? AND total_candles > 0 ORDER BY symbol
            """;

    static final String SYMBOLS_FROM_CANDLES = """
            SELECT DISTINCT symbol FROM candlesticks WHERE interval = ? ORDER BY symbol
            """;
}
