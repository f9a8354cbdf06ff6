package com.tradebatch.migration;

import static com.tradebatch.migration.TableMapping.SelectItem.column;
import static com.tradebatch.migration.TableMapping.SelectItem.expression;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.tradebatch.common.Interval;
import com.tradebatch.store.Store;

/**
 * Every legacy table pg-migrate knows, in the order it migrates them (positions before the orders that point at
 * them; market_data before candlesticks, so where both hold a candle the newer table's wins). The README's mapping
 * rules describe exactly this list.
 */
public final class TableMappings {

    /** Legacy tables that stay behind, and why. {@code user_sessions} holds session tokens: never read. */
    public static final Map<String, String> NOT_MIGRATED = Map.of(
            "trading_audit", "no table of the three databases matches it (audit trail stays in PostgreSQL)",
            "user_sessions", "session tokens: secrets, never copied");

    /** The one table whose rows are never read, not even counted into a checksum. */
    public static final String SECRETS = "user_sessions";

    private static final List<TableMapping> ALL = List.of(
            TableMapping.direct("positions", Store.TRADING, List.of("id"), Set.of()),
            TableMapping.direct("orders", Store.TRADING, List.of("id"), Set.of()),
            TableMapping.direct("portfolio_snapshots", Store.TRADING, List.of("id"), Set.of()),
            marketData(),
            TableMapping.direct("candlesticks", Store.MARKET, List.of("symbol", "interval", "open_time"), Set.of("id")),
            TableMapping.direct("candlestick_metadata", Store.MARKET, List.of("symbol", "interval"), Set.of("id")),
            TableMapping.direct("pattern_cache", Store.ANALYTICS, List.of("id"), Set.of()),
            patternDetections(),
            TableMapping.direct("trade_execution_log", Store.ANALYTICS, List.of("id"), Set.of()),
            TableMapping.direct("ml_model_results", Store.ANALYTICS, List.of("id"), Set.of()),
            aiPredictions(),
            TableMapping.direct("analytics_metrics", Store.ANALYTICS, List.of("id"), Set.of()));

    private TableMappings() {
    }

    public static List<TableMapping> all() {
        return ALL;
    }

    public static List<String> sourceNames() {
        return ALL.stream().map(TableMapping::source).toList();
    }

    public static Optional<TableMapping> bySource(String source) {
        return ALL.stream().filter(m -> m.source().equals(source)).findFirst();
    }

    /** market_data (TimescaleDB era) -> candlesticks. */
    private static TableMapping marketData() {
        return new TableMapping("market_data", Store.MARKET, "candlesticks",
                List.of("symbol", "interval", "open_time"), Set.of(),
                List.of(column("open_time", "timestamp"), column("symbol", "symbol"), column("interval", "timeframe"),
                        column("open_price", "open"), column("high_price", "high"), column("low_price", "low"),
                        column("close_price", "close"), column("volume", "volume"),
                        expression("close_time", "NULL", SourceType.TEXT),
                        expression("created_at", "NULL", SourceType.TEXT)),
                List.of("symbol", "interval", "open_time", "close_time", "open_price", "high_price", "low_price",
                        "close_price", "volume", "created_at"),
                row -> {
                    Interval interval = LegacyTimeframes.interval((String) row.get("interval"));
                    row.set("interval", interval.code());
                    row.set("close_time", interval.closeTime((Instant) row.get("open_time")));
                    row.set("created_at", MigrationClock.startedText());
                },
                Set.of("created_at"), Set.of("created_at"),
                "timestamp -> open_time, timeframe -> interval, open/high/low/close -> *_price, volume; "
                        + "close_time = open_time + interval - 1 ms; indicators not kept; upsert on (symbol, interval, open_time)");
    }

    /** pattern_detections (TimescaleDB era) -> pattern_cache. */
    private static TableMapping patternDetections() {
        return new TableMapping("pattern_detections", Store.ANALYTICS, "pattern_cache", List.of("id"), Set.of(),
                List.of(expression("legacy_id", "\"id\"::text", SourceType.TEXT), column("symbol", "symbol"),
                        expression("interval", "COALESCE(\"metadata\"::jsonb ->> 'interval', \"metadata\"::jsonb ->> 'timeframe', 'unknown')",
                                SourceType.TEXT),
                        column("pattern_type", "pattern_type"),
                        expression("pattern_name", "COALESCE(\"metadata\"::jsonb ->> 'pattern_name', \"pattern_type\")", SourceType.TEXT),
                        column("detected_at", "timestamp"), column("pattern_start", "timestamp"),
                        expression("confidence_score", "COALESCE(\"confidence\", 0) / 100", SourceType.NUMERIC),
                        expression("status", "CASE WHEN \"outcome\" IS NULL THEN 'active' ELSE 'completed' END", SourceType.TEXT),
                        expression("actual_result", "CASE WHEN \"outcome\" THEN 'success' WHEN NOT \"outcome\" THEN 'failure' END",
                                SourceType.TEXT),
                        expression("pattern_data", """
                                jsonb_build_object('legacy_id', "id", 'signal', "signal", 'outcome', "outcome")
                                  || CASE WHEN jsonb_typeof("metadata"::jsonb) = 'object' THEN "metadata"::jsonb
                                          WHEN "metadata" IS NULL THEN '{}'::jsonb
                                          ELSE jsonb_build_object('metadata', "metadata"::jsonb) END""", SourceType.JSON),
                        column("created_at", "created_at"), column("updated_at", "created_at"),
                        expression("id", "NULL", SourceType.INTEGER)),
                List.of("id", "symbol", "interval", "pattern_type", "pattern_name", "detected_at", "pattern_start",
                        "confidence_score", "pattern_data", "status", "actual_result", "created_at", "updated_at"),
                row -> row.set("id", LegacyIds.of((String) row.get("legacy_id"))),
                Set.of(), Set.of(),
                "id = first 52 bits of the UUID; timestamp -> detected_at and pattern_start; confidence 0-100 -> "
                        + "confidence_score 0-1; interval and pattern_name from metadata (else 'unknown', pattern_type); "
                        + "outcome NULL/true/false -> status active/completed/completed, actual_result -/success/failure; "
                        + "pattern_data = metadata + legacy_id, signal, outcome");
    }

    /** ai_predictions (TimescaleDB era) -> ml_model_results. */
    private static TableMapping aiPredictions() {
        return new TableMapping("ai_predictions", Store.ANALYTICS, "ml_model_results", List.of("id"), Set.of(),
                List.of(expression("legacy_id", "\"id\"::text", SourceType.TEXT), column("model_name", "model_name"),
                        expression("model_version", "'legacy'", SourceType.TEXT), column("symbol", "symbol"),
                        expression("interval", "COALESCE(\"features\"::jsonb ->> 'interval', \"features\"::jsonb ->> 'timeframe', 'unknown')",
                                SourceType.TEXT),
                        column("prediction_timestamp", "timestamp"), column("prediction_type", "prediction_type"),
                        column("predicted_value", "predicted_value"),
                        expression("confidence", "\"confidence\" / 100", SourceType.NUMERIC),
                        expression("prediction_data", """
                                jsonb_build_object('legacy_id', "id", 'accuracy_score', "accuracy_score",
                                                   'features', "features"::jsonb)""", SourceType.JSON),
                        column("actual_value", "actual_value"), column("created_at", "created_at"),
                        expression("id", "NULL", SourceType.INTEGER)),
                List.of("id", "model_name", "model_version", "symbol", "interval", "prediction_timestamp",
                        "prediction_type", "predicted_value", "confidence", "prediction_data", "actual_value", "created_at"),
                row -> row.set("id", LegacyIds.of((String) row.get("legacy_id"))),
                Set.of(), Set.of(),
                "id = first 52 bits of the UUID; model_version 'legacy'; timestamp -> prediction_timestamp; "
                        + "confidence 0-100 -> 0-1; interval from features (else 'unknown'); "
                        + "prediction_data = {legacy_id, accuracy_score, features}");
    }
}
