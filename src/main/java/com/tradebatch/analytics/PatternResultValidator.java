package com.tradebatch.analytics;

import java.util.List;

/**
 * Checks a pattern record and maps it to a {@link PatternResult}: required columns present, interval known,
 * confidence within the scale, times parse, pattern_end not before pattern_start, pattern_data valid JSON.
 * Anything wrong is a rejected line.
 */
public class PatternResultValidator extends ResultRecordValidator<PatternResult> {

    public static final List<String> REQUIRED = List.of("symbol", "interval", "pattern_type", "pattern_name",
            "detected_at", "pattern_start", "confidence_score");

    public PatternResultValidator(ConfidenceScale scale) {
        super(REQUIRED, scale);
    }

    @Override
    protected PatternResult map(RecordFields f, String interval) {
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
