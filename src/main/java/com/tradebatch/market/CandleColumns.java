package com.tradebatch.market;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each candle field sits in a file's rows: Binance's fixed 12 columns, a header's names, or an explicit
 * {@code columns=} list. Absent optional fields have index -1.
 */
public record CandleColumns(int openTime, int open, int high, int low, int close, int volume, int closeTime,
        int quoteVolume, int trades, int takerBuyBase, int takerBuyQuote, int width) {

    /** Binance kline CSV: open_time, open, high, low, close, volume, close_time, quote_volume, count, taker_buy_volume, taker_buy_quote_volume, ignore. */
    public static final CandleColumns BINANCE = new CandleColumns(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12);

    /** Accepted names for each field (lower case); the first of each is the canonical one. */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("open_time", List.of("open_time", "timestamp", "time", "date", "datetime", "open time")),
            Map.entry("open", List.of("open", "open_price")),
            Map.entry("high", List.of("high", "high_price")),
            Map.entry("low", List.of("low", "low_price")),
            Map.entry("close", List.of("close", "close_price")),
            Map.entry("volume", List.of("volume")),
            Map.entry("close_time", List.of("close_time", "close time")),
            Map.entry("quote_volume", List.of("quote_volume", "quote_asset_volume")),
            Map.entry("number_of_trades", List.of("number_of_trades", "count", "trades")),
            Map.entry("taker_buy_volume", List.of("taker_buy_volume", "taker_buy_base_asset_volume", "taker_buy_base_volume")),
            Map.entry("taker_buy_quote_volume", List.of("taker_buy_quote_volume", "taker_buy_quote_asset_volume")));

    static final List<String> BINANCE_HEADER = List.of("open_time", "open", "high", "low", "close", "volume",
            "close_time", "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore");

    /**
     * Maps names (a header or a columns= list) to positions.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public static CandleColumns fromNames(List<String> names) {
        int[] idx = new int[11];
        String[] fields = {"open_time", "open", "high", "low", "close", "volume", "close_time", "quote_volume",
                "number_of_trades", "taker_buy_volume", "taker_buy_quote_volume"};
        for (int f = 0; f < fields.length; f++) {
            idx[f] = -1;
            List<String> aliases = ALIASES.get(fields[f]);
            for (int i = 0; i < names.size(); i++) {
                if (aliases.contains(names.get(i).trim().toLowerCase(Locale.ROOT))) {
                    idx[f] = i;
                    break;
                }
            }
        }
        for (int f = 0; f < 6; f++) {
            if (idx[f] < 0) {
                throw new IllegalArgumentException("no " + fields[f] + " column (accepted names: "
                        + String.join(", ", ALIASES.get(fields[f])) + ")");
            }
        }
        return new CandleColumns(idx[0], idx[1], idx[2], idx[3], idx[4], idx[5], idx[6], idx[7], idx[8], idx[9],
                idx[10], names.size());
    }

    static boolean isBinanceHeader(List<String> names) {
        return names.size() >= 11 && names.subList(0, 11).stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList()
                .equals(BINANCE_HEADER.subList(0, 11));
    }
}
