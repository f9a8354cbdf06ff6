package com.tradebatch.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

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
 * candle missing) or at all (a type that is neither direction nor price) is filtered and stays unvalidated.
 */
public class PredictionValidator implements ItemProcessor<PendingPrediction, PredictionOutcome>, StepExecutionListener {

    public enum Wait { HORIZON_NOT_PASSED, CANDLE_MISSING, NOT_VALIDATED_TYPE }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CandleCloses candles;
    private final double tolerance;
    private final Instant now;
    private final Map<Wait, Long> waiting = new EnumMap<>(Wait.class);
    private long validated;
    private long correct;

    public PredictionValidator(CandleCloses candles, double tolerance, Instant now) {
        this.candles = candles;
        this.tolerance = tolerance;
        this.now = now;
    }

    @Override
    public PredictionOutcome process(PendingPrediction p) {
        PredictionKind kind = PredictionKind.of(p.predictionType());
        if (kind == PredictionKind.OTHER || p.predictedValue() == null || !Intervals.isKnown(p.interval())) {
            return waiting(Wait.NOT_VALIDATED_TYPE);
        }
        Duration length = Intervals.length(p.interval());
        JsonNode data = data(p.predictionData());
        long horizon = Math.max(1, data.path("horizon").asLong(1));
        Instant firstOpen = Intervals.ceil(p.predictionTimestamp(), length);
        Instant targetOpen = firstOpen.plus(length.multipliedBy(horizon - 1));
        if (targetOpen.plus(length).isAfter(now)) {
            return waiting(Wait.HORIZON_NOT_PASSED);
        }
        Double actualClose = candles.close(p.symbol(), p.interval(), targetOpen);
        if (actualClose == null) {
            return waiting(Wait.CANDLE_MISSING);
        }
        double predicted = p.predictedValue();
        double hours = Duration.between(p.predictionTimestamp(), now).toNanos() / 3.6e12;
        PredictionOutcome outcome;
        if (kind == PredictionKind.PRICE) {
            double error = predicted - actualClose;
            boolean ok = Math.abs(error) <= tolerance * Math.abs(actualClose);
            outcome = new PredictionOutcome(p.id(), kind, actualClose, error, ok, now, hours);
        } else {
            Double reference = data.path("current_price").isNumber() ? data.path("current_price").doubleValue()
                    : candles.close(p.symbol(), p.interval(), firstOpen.minus(length));
            if (reference == null) {
                return waiting(Wait.CANDLE_MISSING);
            }
            double actualDirection = Math.signum(actualClose - reference);
            double predictedDirection = Math.signum(predicted);
            outcome = new PredictionOutcome(p.id(), kind, actualDirection, predictedDirection - actualDirection,
                    predictedDirection == actualDirection, now, hours);
        }
        validated++;
        if (Boolean.TRUE.equals(outcome.correct())) {
            correct++;
        }
        return outcome;
    }

    private PredictionOutcome waiting(Wait why) {
        waiting.merge(why, 1L, Long::sum);
        return null;
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
        JobReport.append(stepExecution.getJobExecution(), String.format(Locale.ROOT,
                "validation: %,d predictions validated (%,d correct); not yet: %,d horizon not passed, %,d candle"
                        + " missing; %,d of a type that is not validated",
                validated, correct, waiting.getOrDefault(Wait.HORIZON_NOT_PASSED, 0L),
                waiting.getOrDefault(Wait.CANDLE_MISSING, 0L), waiting.getOrDefault(Wait.NOT_VALIDATED_TYPE, 0L)));
        return null;
    }
}
