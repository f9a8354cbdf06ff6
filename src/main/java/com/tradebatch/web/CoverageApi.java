package com.tradebatch.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.tradebatch.common.Interval;
import com.tradebatch.common.TradingTime;
import com.tradebatch.store.Store;
import com.tradebatch.store.StoreMigrator;

/**
 * {@code /api/series/{symbol}/{interval}/coverage}: what of one candle series is loaded and where the gaps are,
 * from {@code candlestick_metadata} and the candles themselves; the console draws it as a timeline.
 */
@RestController
@ConditionalOnWebApplication
class CoverageApi {

    static final int DEFAULT_MAX_GAPS = 500;
    static final int MAX_GAPS = 5_000;

    private static final String METADATA = """
            SELECT %s
            FROM candlestick_metadata
            WHERE symbol = ? AND interval = ?
            """.formatted(SeriesMetadata.COLUMNS);

    // min, max and count come from the (symbol, interval, open_time) index alone
    private static final String FIGURES = """
            SELECT min(open_time), max(open_time), count(*)
            FROM candlesticks
            WHERE symbol = ? AND interval = ?
            """;

    /*
     * Each candle against the one before it (LAG over open_time): a step longer than the interval is a gap. One pass
     * over the series' entries of the unique (symbol, interval, open_time) index, which covers the query (no table
     * row is read); each open_time is parsed once (unixepoch of the trading system's UTC text). No outer ORDER BY:
     * rows leave the window in open_time order, so LIMIT ends the scan once the cap of gaps is reached (the Java side
     * sorts what it gets, whatever the engine's order). 1M candles: about 2 s CPU for the whole scan, measured on a
     * loaded machine; hence the cache below.
     */
    private static final String GAPS = """
            SELECT prev_open, open_time, (t - prev_t) / ? - 1
            FROM (SELECT open_time, t, LAG(open_time) OVER w AS prev_open, LAG(t) OVER w AS prev_t
                  FROM (SELECT open_time, unixepoch(open_time) AS t
                        FROM candlesticks
                        WHERE symbol = ? AND interval = ?)
                  WINDOW w AS (ORDER BY open_time))
            WHERE t - prev_t > ?
            LIMIT ?
            """;

    /** The gaps of a series as last computed, reused while its first/last candle, count and last sync are the same. */
    private final Map<List<Object>, List<Map<String, Object>>> cache = new ConcurrentHashMap<>();
    private static final int CACHED_SERIES = 256;

    private final JdbcTemplate market;
    private final StoreMigrator migrator;

    CoverageApi(@Qualifier("marketDataSource") DataSource market, StoreMigrator migrator) {
        this.market = new JdbcTemplate(market);
        this.migrator = migrator;
    }

    /**
     * {@code first}/{@code last} candle and {@code count} from the candles, {@code expected} on the interval's grid,
     * {@code gaps} ({@code after}: the last candle before, {@code before}: the first candle after, {@code missing}
     * candles), {@code ranges} loaded without a gap between them, and the metadata row as {@code metadata}.
     */
    @GetMapping(path = "/api/series/{symbol}/{interval}/coverage", produces = "application/json")
    Map<String, Object> coverage(@PathVariable String symbol, @PathVariable String interval,
            @RequestParam(required = false) Integer maxGaps) {
        Interval step;
        try {
            step = Interval.parse(interval);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, e.getMessage(), "interval");
        }
        int cap = ApiProblem.between1And(MAX_GAPS, maxGaps, DEFAULT_MAX_GAPS, "maxGaps");
        migrator.migrate(Store.MARKET);
        List<Map<String, Object>> metadata = market.query(METADATA,
                (rs, i) -> SeriesMetadata.put(new LinkedHashMap<>(), rs, 1), symbol, interval);
        Object[] figures = market.queryForObject(FIGURES, (rs, i) -> new Object[] {rs.getString(1), rs.getString(2),
                rs.getLong(3)}, symbol, interval);
        String first = (String) figures[0];
        String last = (String) figures[1];
        long count = (Long) figures[2];
        if (metadata.isEmpty() && count == 0) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "no candle series " + symbol + " " + interval);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol);
        body.put("interval", interval);
        body.put("metadata", metadata.isEmpty() ? null : metadata.get(0));
        body.put("first", first);
        body.put("last", last);
        body.put("count", count);
        List<Map<String, Object>> gaps = new ArrayList<>();
        boolean truncated = false;
        if (count > 0 && step.isFixedLength()) {
            long seconds = step.seconds();
            Object lastSync = metadata.isEmpty() ? null : metadata.get(0).get("lastSync");
            List<Object> key = Arrays.asList(symbol, interval, first, last, count, lastSync, cap);
            List<Map<String, Object>> found = cache.get(key);
            if (found == null) {
                found = market.query(GAPS, (rs, i) -> {
                    Map<String, Object> g = new LinkedHashMap<>();
                    g.put("after", rs.getString(1));
                    g.put("before", rs.getString(2));
                    g.put("missing", rs.getLong(3));
                    return g;
                }, seconds, symbol, interval, seconds, cap + 1);
                found.sort(Comparator.comparing(g -> (String) g.get("before")));
                if (cache.size() >= CACHED_SERIES) {
                    cache.clear(); // a crude bound: the console shows a handful of series
                }
                cache.keySet().removeIf(k -> k.get(0).equals(symbol) && k.get(1).equals(interval));
                cache.put(key, List.copyOf(found));
            }
            gaps.addAll(found);
            truncated = gaps.size() > cap;
            if (truncated) {
                gaps.remove(cap);
            }
            body.put("expected", (TradingTime.parseToEpochMicros(last) - TradingTime.parseToEpochMicros(first))
                    / step.micros() + 1);
        } else {
            body.put("expected", null); // months have no fixed length: no grid to measure gaps against
        }
        body.put("gaps", gaps);
        body.put("gapsTruncated", truncated);
        body.put("ranges", truncated ? null : ranges(first, last, gaps));
        return body;
    }

    /** The loaded stretches: from the first candle to the first gap, between gaps, from the last gap to the end. */
    private static List<Map<String, String>> ranges(String first, String last, List<Map<String, Object>> gaps) {
        List<Map<String, String>> ranges = new ArrayList<>();
        if (first == null) {
            return ranges;
        }
        String from = first;
        for (Map<String, Object> g : gaps) {
            ranges.add(Map.of("from", from, "to", (String) g.get("after")));
            from = (String) g.get("before");
        }
        ranges.add(Map.of("from", from, "to", last));
        return ranges;
    }
}
