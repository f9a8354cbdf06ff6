package com.tradebatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;

/**
 * A test job, {@code flaky-test}: numbers 1..count in chunks of 2, each appended as a line to {@code out};
 * while the file {@code fail-while} exists, writing number 7 fails. Proves restart continues where it stopped.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FlakyJobConfiguration {

    public static final String JOB = "flaky-test";

    @Bean
    JobSpec flakyJobSpec() {
        return new JobSpec(JOB, "test job", List.of(
                ParameterSpec.required("out", ParameterType.PATH, "file the numbers are appended to"),
                ParameterSpec.required("fail-while", ParameterType.PATH, "writing 7 fails while this file exists"),
                ParameterSpec.optional("count", ParameterType.INTEGER, "10", "how many numbers")));
    }

    @Bean
    Job flakyJob(JobRepository repo, Step flakyStep) {
        return new JobBuilder(JOB, repo).start(flakyStep).build();
    }

    @Bean
    Step flakyStep(JobRepository repo, NumberReader flakyReader, ItemWriter<Integer> flakyWriter) {
        return new StepBuilder("flaky-step", repo).<Integer, Integer>chunk(2)
                .transactionManager(new ResourcelessTransactionManager())
                .reader(flakyReader).writer(flakyWriter).build();
    }

    @Bean
    @StepScope
    NumberReader flakyReader(@Value("#{jobParameters['count']}") Long count) {
        NumberReader reader = new NumberReader();
        reader.setName("numbers");
        reader.setMaxItemCount(Math.toIntExact(count));
        return reader;
    }

    @Bean
    @StepScope
    ItemWriter<Integer> flakyWriter(@Value("#{jobParameters['out']}") Path out,
            @Value("#{jobParameters['fail-while']}") Path failWhile) {
        return chunk -> {
            for (Integer n : chunk) {
                if (n == 7 && Files.exists(failWhile)) {
                    throw new IllegalStateException("number 7 refused while " + failWhile + " exists");
                }
            }
            try {
                for (Integer n : chunk) {
                    Files.writeString(out, n + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** 1, 2, 3, ...: the counting base class keeps the position in the step's execution context. */
    public static class NumberReader extends AbstractItemCountingItemStreamItemReader<Integer> {
        private int next;

        @Override
        protected Integer doRead() {
            return ++next;
        }

        @Override
        protected void doOpen() {
            next = 0;
        }

        @Override
        protected void doClose() {
        }

        @Override
        protected void jumpToItem(int itemIndex) {
            next = itemIndex;
        }
    }
}
