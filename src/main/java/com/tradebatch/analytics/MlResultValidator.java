package com.tradebatch.analytics;

import java.util.List;

/**
 * Checks a prediction record and maps it to an {@link MlResult}: required columns present, interval known,
 * prediction_timestamp parses, predicted_value a number, confidence within the scale, prediction_data valid JSON.
 */
public class MlResultValidator extends ResultRecordValidator<MlResult> {

    public static final List<String> REQUIRED = List.of("model_name", "model_version", "symbol", "interval",
            "prediction_timestamp", "prediction_type", "predicted_value");

    public MlResultValidator(ConfidenceScale scale) {
        super(REQUIRED, scale);
    }

    @Override
    protected MlResult map(RecordFields f, String interval) {
        Double confidence = f.number("confidence");
        return new MlResult(f.requiredText("model_name"), f.requiredText("model_version"), f.requiredText("symbol"),
                interval, f.requiredTime("prediction_timestamp"), f.requiredText("prediction_type"),
                f.requiredNumber("predicted_value"),
                confidence == null ? null : scale.toUnit("confidence", confidence, f), f.json("prediction_data"));
    }
}
