package com.tradebatch.market;

import java.sql.Types;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Writes candles in the trading system's format as an upsert on (symbol, interval, open_time), the table's UNIQUE
 * key {@code idx_unique_candle}: one prepared statement per chunk, executed as a JDBC batch. A row whose values are
 * all unchanged is not rewritten, so re-importing a file changes nothing; a later file with other values for the
 * same candle wins.
 */
public final class CandleUpsertWriter {

    /**
     * What a candle upsert does on (symbol, interval, open_time) conflict: take the new values, but only when
     * one of them differs, so an unchanged candle is not rewritten (same id, same created_at, no WAL traffic).
     */
    static final String ON_CONFLICT_UPDATE_CHANGED = """
            ON CONFLICT (symbol, interval, open_time) DO UPDATE SET
                close_time = excluded.close_time, open_price = excluded.open_price, high_price = excluded.high_price,
                low_price = excluded.low_price, close_price = excluded.close_price, volume = excluded.volume,
                quote_asset_volume = excluded.quote_asset_volume, number_of_trades = excluded.number_of_trades,
                taker_buy_base_asset_volume = excluded.taker_buy_base_asset_volume,
                taker_buy_quote_asset_volume = excluded.taker_buy_quote_asset_volume
            WHERE close_time IS NOT excluded.close_time OR open_price IS NOT excluded.open_price
               OR high_price IS NOT excluded.high_price OR low_price IS NOT excluded.low_price
               OR close_price IS NOT excluded.close_price OR volume IS NOT excluded.volume
               OR quote_asset_volume IS NOT excluded.quote_asset_volume
               OR number_of_trades IS NOT excluded.number_of_trades
               OR taker_buy_base_asset_volume IS NOT excluded.taker_buy_base_asset_volume
               OR taker_buy_quote_asset_volume IS NOT excluded.taker_buy_quote_asset_volume
            """;

    static final String UPSERT = """
            INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price,
                                      close_price, volume, quote_asset_volume, number_of_trades,
                                      taker_buy_base_asset_volume, taker_buy_quote_asset_volume)
            VALUES (:symbol, :interval, :open_time, :close_time, :open_price, :high_price, :low_price,
                    :close_price, :volume, :quote_asset_volume, :number_of_trades,
                    :taker_buy_base_asset_volume, :taker_buy_quote_asset_volume)
            """ + ON_CONFLICT_UPDATE_CHANGED;

    private CandleUpsertWriter() {
    }

    public static JdbcBatchItemWriter<Candle> create(DataSource market) {
        return new JdbcBatchItemWriterBuilder<Candle>()
                .dataSource(market)
                .sql(UPSERT)
                .itemSqlParameterSourceProvider(CandleUpsertWriter::parameters)
                .assertUpdates(false) // an unchanged row updates nothing, and that is fine
                .build();
    }

    /** The optional columns carry their SQL type, so a missing value binds as NULL without a metadata lookup. */
    static SqlParameterSource parameters(Candle c) {
        return new MapSqlParameterSource()
                .addValue("symbol", c.symbol())
                .addValue("interval", c.interval().code())
                .addValue("open_time", c.openTimeText())
                .addValue("close_time", c.closeTimeText())
                .addValue("open_price", c.open())
                .addValue("high_price", c.high())
                .addValue("low_price", c.low())
                .addValue("close_price", c.close())
                .addValue("volume", c.volume())
                .addValue("quote_asset_volume", c.quoteVolume(), Types.DOUBLE)
                .addValue("number_of_trades", c.trades(), Types.BIGINT)
                .addValue("taker_buy_base_asset_volume", c.takerBuyBase(), Types.DOUBLE)
                .addValue("taker_buy_quote_asset_volume", c.takerBuyQuote(), Types.DOUBLE);
    }
}
