package com.tradebatch.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.dao.DataAccessException;

import com.tradebatch.common.Interval;
import com.tradebatch.common.JobReport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges a prediction against the candles (README, "ML validation rules"). The target candle is the
 * {@code horizon}-th candle of the prediction's symbol and interval that opens at or after prediction_timestamp
 * ({@code horizon} from prediction_data, default 1). Its horizon has passed when that candle has closed by the
 * time the step runs. The reference price (for direction) is prediction_data's {@code current_price}, else the
 * close of the candle just before the first one. A prediction that cannot be judged yet (horizon not passed,
 * target candle missing) or by tradebatch at all (a type that is neither direction nor price) is filtered and
 * stays unvalidated. A direction or price prediction that can never be judged ({@link NotJudgeable}) is marked
 * validated without a verdict, counted with its reason, and the step goes on.
 */
public class PredictionValidator implements ItemProcessor<PendingPrediction, PredictionOutcome>, StepExecutionListener {

    public enum Wait { HORIZON_NOT_PASSED, CANDLE_MISSING, NOT_VALIDATED_TYPE }

    private static final Logger log = LoggerFactory.getLogger(PredictionValidator.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double NANOS_PER_HOUR = 3.6e12;

    private final CandleCloses candles;
    private final double tolerance;
    private final Instant now;
    private final Map<Wait, Long> waiting = new EnumMap<>(Wait.class);
    private final Map<NotJudgeable, Long> notJudgeable = new EnumMap<>(NotJudgeable.class);
    private long validated;
    private long correct;

    public PredictionValidator(CandleCloses candles, double tolerance, Instant now) {
        this.candles = candles;
        this.tolerance = tolerance;
        this.now = now;
    }

    @Override
    public PredictionOutcome process(PendingPrediction p) {
        try {
            return judge(p);
        } catch (DataAccessException e) {
            throw e; // market_data.db cannot be read: every row would fail alike, so the step fails
        } catch (RuntimeException e) {
            return notJudgeable(p, NotJudgeable.UNEXPECTED_VALUE, e.toString());
        }
    }

    private PredictionOutcome judge(PendingPrediction p) {
        PredictionKind kind = PredictionKind.of(p.predictionType());
        if (kind == PredictionKind.OTHER) {
            return waiting(Wait.NOT_VALIDATED_TYPE);
        }
        if (p.predictionTimestamp() == null) {
            return notJudgeable(p, NotJudgeable.UNREADABLE_TIMESTAMP, "'" + p.storedTimestamp() + "'");
        }
        if (!Interval.isInResults(p.interval())) {
            return notJudgeable(p, NotJudgeable.UNKNOWN_INTERVAL, "'" + p.interval() + "'");
        }
        if (p.predictedValue() == null) {
            return notJudgeable(p, NotJudgeable.NO_PREDICTED_VALUE, "");
        }
        Interval interval = Interval.parse(p.interval());
        Duration length = interval.length();
        JsonNode data = data(p.predictionData());
        long horizon = Math.max(1, data.path("horizon").asLong(1));
        Instant firstOpen = interval.ceil(p.predictionTimestamp());
        Instant targetOpen = firstOpen.plus(length.multipliedBy(horizon - 1));
        if (targetOpen.plus(length).isAfter(now)) {
            return waiting(Wait.HORIZON_NOT_PASSED);
        }
        Double actualClose = candles.close(p.symbol(), p.interval(), targetOpen);
        if (actualClose == null) {
            return waiting(Wait.CANDLE_MISSING);
        }
        double predicted = p.predictedValue();
        PredictionOutcome outcome;
        if (kind == PredictionKind.PRICE) {
            double error = predicted - actualClose;
            boolean ok = Math.abs(error) <= tolerance * Math.abs(actualClose);
            outcome = new PredictionOutcome(p.id(), actualClose, error, ok, now, hoursSince(p));
        } else {
            Double reference = data.path("current_price").isNumber() ? Double.valueOf(data.path("current_price").doubleValue())
                    : candles.close(p.symbol(), p.interval(), firstOpen.minus(length));
            if (reference == null) {
                return notJudgeable(p, NotJudgeable.NO_REFERENCE_CANDLE, "no " + p.symbol() + " " + p.interval()
                        + " candle opening at " + firstOpen.minus(length));
            }
            double actualDirection = Math.signum(actualClose - reference);
            double predictedDirection = Math.signum(predicted);
            outcome = new PredictionOutcome(p.id(), actualDirection, predictedDirection - actualDirection,
                    predictedDirection == actualDirection, now, hoursSince(p));
        }
        validated++;
        if (Boolean.TRUE.equals(outcome.correct())) {
            correct++;
        }
        return outcome;
    }

    private Double hoursSince(PendingPrediction p) {
        Instant t = p.predictionTimestamp();
        return t == null ? null : Duration.between(t, now).toNanos() / NANOS_PER_HOUR;
    }

    private PredictionOutcome waiting(Wait why) {
        waiting.merge(why, 1L, Long::sum);
        return null;
    }

    private PredictionOutcome notJudgeable(PendingPrediction p, NotJudgeable why, String detail) {
        notJudgeable.merge(why, 1L, Long::sum);
        log.warn("ml_model_results id {} is not judgeable: {}{}", p.id(), why.reason(),
                detail.isEmpty() ? "" : " (" + detail + ")");
        Double hours;
        try {
            hours = hoursSince(p);
        } catch (ArithmeticException e) {
            hours = null; // a timestamp centuries away: no meaningful duration
        }
        return PredictionOutcome.notJudgeable(p.id(), now, hours);
    }

    private static JsonNode data(String json) {
        if (json == null) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long unjudged = notJudgeable.values().stream().mapToLong(Long::longValue).sum();
        String reasons = notJudgeable.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey().reason()))
                .collect(Collectors.joining("; "));
        JobReport.append(stepExecution.getJobExecution(), String.format(Locale.ROOT,
                "validation: %,d predictions validated (%,d correct); not yet: %,d horizon not passed, %,d candle"
                        + " missing; %,d of a type that is not validated; %,d not judgeable (marked validated"
                        + " without a verdict)%s",
                validated, correct, waiting.getOrDefault(Wait.HORIZON_NOT_PASSED, 0L),
                waiting.getOrDefault(Wait.CANDLE_MISSING, 0L), waiting.getOrDefault(Wait.NOT_VALIDATED_TYPE, 0L),
                unjudged, reasons.isEmpty() ? "" : ": " + reasons));
        return null;
    }
}
