package com.tradebatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The wrapper alone, with Spring Batch's test fixtures: what it puts in the execution context at each chunk's
 * update, before and after the data transaction's outcome is known.
 */
class CommittedPositionReaderTest {

    private StepExecution step;
    private CommittedPositionReader<String> reader;
    private final ExecutionContext context = new ExecutionContext();
    private int handedOut;

    /** Reads "a".."z"; saves how many it handed out under {@code letters.read.count}. */
    private static final class Letters extends AbstractItemCountingItemStreamItemReader<String> {
        private final List<String> all = "abcdefghijklmnopqrstuvwxyz".chars().mapToObj(c -> String.valueOf((char) c)).toList();
        private int next;

        Letters() {
            setName("letters");
        }

        @Override
        protected String doRead() {
            return next < all.size() ? all.get(next++) : null;
        }

        @Override
        protected void jumpToItem(int itemIndex) {
            next = itemIndex;
        }

        @Override
        protected void doOpen() {
        }

        @Override
        protected void doClose() {
        }
    }

    @BeforeEach
    void open() {
        step = MetaDataInstanceFactory.createStepExecution();
        StepSynchronizationManager.register(step);
        reader = CommittedPositionReader.of(new Letters());
        reader.open(context);
    }

    @AfterEach
    void close() {
        reader.close();
        StepSynchronizationManager.close();
    }

    /** One chunk of {@code n} items inside a data transaction whose commit succeeds or fails. */
    private void chunk(int n, boolean commits) throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        try {
            for (int i = 0; i < n; i++) {
                reader.read();
            }
            handedOut += n;
            step.setWriteCount(step.getWriteCount() + n);
            reader.update(context); // what Spring Batch saves in the batch store, before the data commit
            assertThat(context.getInt("letters.read.count", 0)).as("never ahead of committed data").isLessThan(handedOut);
            int status = commits ? TransactionSynchronization.STATUS_COMMITTED : TransactionSynchronization.STATUS_ROLLED_BACK;
            TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(status));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void thePositionFollowsCommitsAndAFailedCommitIsNotCounted() throws Exception {
        chunk(5, true);
        assertThat(context.getInt("letters.read.count")).as("after the commit: the chunk is saved").isEqualTo(5);
        assertThat(step.getWriteCount()).isEqualTo(5);

        chunk(5, false);
        assertThat(context.getInt("letters.read.count")).as("a failed commit leaves the last committed position").isEqualTo(5);
        assertThat(step.getWriteCount()).as("the rolled-back chunk is not counted").isEqualTo(5);
    }

    @Test
    void aRestartStartsFromTheSavedPosition() throws Exception {
        chunk(5, true);
        reader.close();

        CommittedPositionReader<String> again = CommittedPositionReader.of(new Letters());
        again.open(context);
        assertThat(again.read()).isEqualTo("f");
        again.close();
    }
}
