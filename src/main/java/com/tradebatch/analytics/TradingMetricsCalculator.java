package com.tradebatch.analytics;

import static com.tradebatch.analytics.MetricSink.details;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code trading} metrics from trading.db (read only: queries, no writes), per symbol and global, over the
 * positions CLOSED in the period (by closed_at): realized_pnl, trade_count, win_rate (wins / closed with a
 * realized_pnl), avg_win, avg_loss, profit_factor (gross profit / gross loss); and, global only, max_drawdown
 * from portfolio_snapshots. trading.db has no index on closed_at, so the closed positions of the whole run's
 * range are read once (through ix_positions_status) and split by period in memory.
 */
public class TradingMetricsCalculator implements MetricCalculator {

    public static final String TYPE = "trading";

    static final String CLOSED_POSITIONS = """
            SELECT symbol, closed_at, realized_pnl FROM positions
            WHERE status = 'CLOSED' AND closed_at >= ? AND closed_at < ?
            """;

    static final String SNAPSHOTS = """
            SELECT timestamp, balance FROM portfolio_snapshots
            WHERE timestamp >= ? AND timestamp < ?
            ORDER BY timestamp
            """;

    private record Closed(String symbol, String closedAt, Double pnl) {
    }

    private final JdbcTemplate trading;
    private final SymbolScope scope;
    private final String rangeFrom;
    private final String rangeTo;
    private List<Closed> closed;

    /** @param range every period of the run, for the one read of closed positions */
    public TradingMetricsCalculator(DataSource trading, SymbolScope scope, List<MetricPeriod> range, int fetchSize) {
        this.trading = new JdbcTemplate(trading);
        this.trading.setFetchSize(fetchSize);
        this.scope = scope;
        this.rangeFrom = range.get(0).lowerBound();
        this.rangeTo = range.get(range.size() - 1).upperBound();
    }

    private static final class Group {
        long trades;
        long withPnl;
        long wins;
        long losses;
        double pnl;
        double grossProfit;
        double grossLoss;
    }

    @Override
    public void calculate(MetricPeriod period, MetricSink sink) {
        if (closed == null) {
            closed = new ArrayList<>();
            trading.query(CLOSED_POSITIONS, rs -> {
                double v = rs.getDouble(3);
                Double pnl = rs.wasNull() ? null : v;
                closed.add(new Closed(rs.getString(1), rs.getString(2), pnl));
            }, rangeFrom, rangeTo);
            closed.sort(Comparator.comparing(Closed::closedAt));
        }
        String lower = period.lowerBound();
        String upper = period.upperBound();
        Map<String, Group> groups = new TreeMap<>();
        Group global = new Group();
        long read = 0;
        for (int i = firstAtOrAfter(lower); i < closed.size() && closed.get(i).closedAt().compareTo(upper) < 0; i++) {
            Closed c = closed.get(i);
            if (!scope.includes(c.symbol())) {
                continue;
            }
            read++;
            Group g = groups.computeIfAbsent(c.symbol(), s -> new Group());
            for (Group target : scope.all() ? List.of(g, global) : List.of(g)) {
                target.trades++;
                if (c.pnl() != null) {
                    double p = c.pnl();
                    target.withPnl++;
                    target.pnl += p;
                    if (p > 0) {
                        target.wins++;
                        target.grossProfit += p;
                    } else if (p < 0) {
                        target.losses++;
                        target.grossLoss -= p;
                    }
                }
            }
        }
        sink.read(read);
        Map<String, Group> all = new LinkedHashMap<>(groups);
        if (scope.all() && global.trades > 0) {
            all.put(null, global);
        }
        all.forEach((symbol, g) -> emit(symbol, g, sink));
        if (scope.all()) {
            drawdown(period, sink);
        }
    }

    /** Index of the first closed position at or after {@code bound} (closed is sorted by closed_at text). */
    private int firstAtOrAfter(String bound) {
        int lo = 0;
        int hi = closed.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (closed.get(mid).closedAt().compareTo(bound) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void emit(String symbol, Group g, MetricSink sink) {
        Map<String, Object> breakdown = details("trades", g.trades, "with_realized_pnl", g.withPnl, "wins", g.wins,
                "losses", g.losses, "breakeven", g.withPnl - g.wins - g.losses, "gross_profit", g.grossProfit,
                "gross_loss", g.grossLoss);
        sink.add(TYPE, "trade_count", symbol, g.trades, (double) g.withPnl, breakdown);
        sink.add(TYPE, "realized_pnl", symbol, g.pnl, (double) g.withPnl, breakdown);
        if (g.withPnl > 0) {
            sink.add(TYPE, "win_rate", symbol, (double) g.wins / g.withPnl, (double) g.withPnl, breakdown);
        }
        if (g.wins > 0) {
            sink.add(TYPE, "avg_win", symbol, g.grossProfit / g.wins, (double) g.wins, breakdown);
        }
        if (g.losses > 0) {
            sink.add(TYPE, "avg_loss", symbol, -g.grossLoss / g.losses, (double) g.losses, breakdown);
            sink.add(TYPE, "profit_factor", symbol, g.grossProfit / g.grossLoss, g.grossProfit, breakdown);
        }
    }

    /** Largest fall from a running peak of balance within the period, as a fraction of that peak. */
    private void drawdown(MetricPeriod period, MetricSink sink) {
        double[] peak = {Double.NaN};
        String[] peakAt = {null};
        double[] worst = {0, 0};
        String[] worstAt = {null, null};
        long[] n = {0};
        trading.query(SNAPSHOTS, rs -> {
            n[0]++;
            String at = rs.getString(1);
            double balance = rs.getDouble(2);
            if (Double.isNaN(peak[0]) || balance > peak[0]) {
                peak[0] = balance;
                peakAt[0] = at;
            }
            if (peak[0] > 0) {
                double dd = (peak[0] - balance) / peak[0];
                if (dd > worst[0]) {
                    worst[0] = dd;
                    worst[1] = peak[0] - balance;
                    worstAt[0] = peakAt[0];
                    worstAt[1] = at;
                }
            }
        }, period.lowerBound(), period.upperBound());
        sink.read(n[0]);
        if (n[0] > 0) {
            sink.add(TYPE, "max_drawdown", null, worst[0], worst[1], details("snapshots", n[0], "peak_at", worstAt[0],
                    "trough_at", worstAt[1], "measure", "balance"));
        }
    }
}
