package com.tradebatch.analytics;

import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.tradebatch.common.Interval;

/**
 * What every result file record must meet before its own checks: the required columns present and an interval
 * of the results' set. Anything wrong is a rejected line ({@link RecordFields#reject}).
 */
abstract class ResultRecordValidator<T> implements ItemProcessor<InputRecord, T> {

    private final List<String> required;
    protected final ConfidenceScale scale;

    ResultRecordValidator(List<String> required, ConfidenceScale scale) {
        this.required = required;
        this.scale = scale;
    }

    // not final: the step-scoped proxy of a validator must be able to pass the call on to its target
    @Override
    public T process(InputRecord record) {
        RecordFields f = new RecordFields(record);
        f.requireAll(required);
        String interval = f.requiredText("interval");
        if (!Interval.isInResults(interval)) {
            throw f.reject("interval '" + interval + "' is not one of " + Interval.resultCodes());
        }
        return map(f, interval);
    }

    /** The row of a record whose required columns and interval are checked. */
    protected abstract T map(RecordFields f, String interval);
}
