package com.tradebatch.analytics;

import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.tradebatch.common.Interval;

/**
 * Checks a pattern record and maps it to a {@link PatternResult}: required columns present, interval known,
 * confidence within the scale, times parse, pattern_end not before pattern_start, pattern_data valid JSON.
 * Anything wrong is a rejected line.
 */
public class PatternResultValidator implements ItemProcessor<InputRecord, PatternResult> {

    public static final List<String> REQUIRED = List.of("symbol", "interval", "pattern_type", "pattern_name",
            "detected_at", "pattern_start", "confidence_score");

    private final ConfidenceScale scale;

    public PatternResultValidator(ConfidenceScale scale) {
        this.scale = scale;
    }

    @Override
    public PatternResult process(InputRecord record) {
        RecordFields f = new RecordFields(record);
        f.requireAll(REQUIRED);
        String interval = f.requiredText("interval");
        if (!Interval.isInResults(interval)) {
            throw f.reject("interval '" + interval + "' is not one of " + Interval.resultCodes());
        }
        var start = f.requiredTime("pattern_start");
        var end = f.time("pattern_end");
        if (end != null && end.isBefore(start)) {
            throw f.reject("pattern_end is before pattern_start");
        }
        double confidence = scale.toUnit("confidence_score", f.requiredNumber("confidence_score"), f);
        return new PatternResult(f.requiredText("symbol"), interval,
                f.requiredText("pattern_type"), f.requiredText("pattern_name"), f.requiredTime("detected_at"), start,
                end, confidence, f.number("entry_price"), f.number("target_price"), f.number("stop_loss"),
                f.json("pattern_data"), f.text("status"), f.text("actual_result"), f.number("actual_pnl"));
    }
}
