package com.tradebatch.common;

import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;

/**
 * Skips rejected lines up to {@code skip-limit}; anything else (a broken file, a database error) fails the
 * step at once. Past the limit the step fails with a message that says how many and where to look.
 */
public class RejectSkipPolicy implements SkipPolicy {

    private final long limit;

    public RejectSkipPolicy(long limit) {
        this.limit = limit;
    }

    @Override
    public boolean shouldSkip(Throwable t, long skipCount) {
        if (!(t instanceof RejectedLineException rejected)) {
            return false;
        }
        if (skipCount < limit) {
            return true;
        }
        throw new SkipLimitExceededException(limit, new RejectedLineException(rejected.sourceFile(),
                rejected.lineNumber(), "more than skip-limit=" + limit + " bad rows (this one: " + rejected.reason()
                        + "); the rejected rows are in the reject file", rejected.rawLine()));
    }
}
