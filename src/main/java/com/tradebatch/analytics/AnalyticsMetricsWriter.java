package com.tradebatch.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import com.tradebatch.common.JobReport;
import com.tradebatch.common.TradingTime;

import tools.jackson.databind.json.JsonMapper;

/**
 * Replaces a period's analytics_metrics rows: deletes the rows of the computed metric types for that timeframe
 * and period_start (every symbol and the global rows, or only the listed symbols), then inserts the new ones,
 * in the chunk's transaction on analytics.db. Recomputing never duplicates; a symbol without data any more
 * loses its old rows. Not an upsert on purpose: a period is replaced as a whole set (a row no longer computed
 * must go, which no upsert does), and the table has no unique key to upsert on anyway.
 */
public class AnalyticsMetricsWriter implements ItemWriter<PeriodMetrics>, StepExecutionListener {

    static final List<String> TYPES = List.of(TradingMetricsCalculator.TYPE, ExecutionMetricsCalculator.TYPE,
            PatternMetricsCalculator.TYPE, MlMetricsCalculator.TYPE, MarketMetricsCalculator.TYPE);

    private static final String DELETE = """
            DELETE FROM analytics_metrics
            WHERE timeframe = :timeframe AND period_start = :period_start AND metric_type IN (:types)
            """;

    private static final String ONLY_LISTED_SYMBOLS = " AND symbol IN (:symbols)";

    private static final String INSERT = """
            INSERT INTO analytics_metrics (metric_type, metric_name, symbol, timeframe, period_start, period_end,
                value, secondary_value, details, calculated_at)
            VALUES (:metric_type, :metric_name, :symbol, :timeframe, :period_start, :period_end,
                :value, :secondary_value, :details, :calculated_at)
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NamedParameterJdbcTemplate analytics;
    private final SymbolScope scope;
    private final Map<String, Long> rowsByType = new TreeMap<>();
    private long periods;
    private long sourceRows;
    private long replaced;

    public AnalyticsMetricsWriter(DataSource analytics, SymbolScope scope) {
        this.analytics = new NamedParameterJdbcTemplate(analytics);
        this.scope = scope;
    }

    @Override
    public void write(Chunk<? extends PeriodMetrics> chunk) {
        String now = TradingTime.now();
        for (PeriodMetrics pm : chunk) {
            MetricPeriod p = pm.period();
            long deleted = analytics.update(scope.all() ? DELETE : DELETE + ONLY_LISTED_SYMBOLS,
                    new MapSqlParameterSource().addValue("timeframe", p.unit().timeframe())
                            .addValue("period_start", p.startText()).addValue("types", TYPES)
                            .addValue("symbols", scope.list()));
            List<SqlParameterSource> rows = new ArrayList<>(pm.rows().size());
            for (MetricRow r : pm.rows()) {
                rows.add(new MapSqlParameterSource()
                        .addValue("metric_type", r.type())
                        .addValue("metric_name", r.name())
                        .addValue("symbol", r.symbol())
                        .addValue("timeframe", p.unit().timeframe())
                        .addValue("period_start", p.startText())
                        .addValue("period_end", p.endText())
                        .addValue("value", r.value())
                        .addValue("secondary_value", r.secondaryValue())
                        .addValue("details", JSON.writeValueAsString(r.details()))
                        .addValue("calculated_at", now));
                rowsByType.merge(r.type(), 1L, Long::sum);
            }
            analytics.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
            synchronized (this) {
                periods++;
                sourceRows += pm.sourceRows();
                replaced += deleted;
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long total = rowsByType.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder byType = new StringBuilder();
        rowsByType.forEach((t, n) -> byType.append(byType.isEmpty() ? "" : ", ").append(t).append(' ').append(n));
        JobReport.append(stepExecution.getJobExecution(), String.format(Locale.ROOT,
                "analytics_metrics: %,d periods, %,d rows written (%s), %,d old rows replaced; %,d source rows read",
                periods, total, byType.isEmpty() ? "none" : byType, replaced, sourceRows));
        return null;
    }
}
