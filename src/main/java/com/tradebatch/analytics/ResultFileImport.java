package com.tradebatch.analytics;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.tradebatch.common.CommittedPositionReader;
import com.tradebatch.common.InputFiles;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
import com.tradebatch.common.RejectListener;
import com.tradebatch.common.RejectSkipPolicy;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.common.WorkPaths;

/**
 * What pattern-import and ml-results-import share: the result-file parameters, the reader of those files and the
 * fault-tolerant import step (bad lines rejected to a file, up to {@code skip-limit}: the step-scoped beans here).
 */
@Configuration(proxyBeanMethods = false)
public class ResultFileImport {

    /** Bad lines are skipped up to {@code skip-limit}. */
    @Bean
    @StepScope
    RejectSkipPolicy resultFileSkipPolicy(@Value("#{jobParameters['skip-limit']}") Long skipLimit) {
        return new RejectSkipPolicy(skipLimit);
    }

    /** {@code file}, {@code format}, {@code confidence-scale} (of {@code confidenceField}) and {@code skip-limit}. */
    static List<ParameterSpec> parameters(String confidenceField) {
        return List.of(ParameterSpec.required("file", ParameterType.PATH, "file, folder or glob of .jsonl/.csv files"),
                ParameterSpec.optional("format", ParameterType.STRING, "auto",
                        "auto: by extension (.csv, .jsonl/.ndjson/.json), else by first character")
                        .withChoices("auto", "jsonl", "csv"),
                ParameterSpec.optional("confidence-scale", ParameterType.STRING, "1",
                        "scale of " + confidenceField + " in the file (stored 0-1)").withChoices("1", "100"),
                ParameterSpec.optional("skip-limit", ParameterType.INTEGER, "100",
                        "rejected lines tolerated before the job fails"));
    }

    /** The files {@code file=} names (relative to the work folder), read in {@code format}. */
    static ResultFileReader reader(WorkPaths workPaths, Path file, String format, Collection<String> required) {
        return new ResultFileReader(InputFiles.resolve("file", file.toString(), workPaths.baseDir()), format,
                new HashSet<>(required));
    }

    /** Where the step writes the lines it rejects. */
    @Bean
    @StepScope
    RejectListener resultFileRejectListener(WorkPaths workPaths) {
        return new RejectListener(workPaths);
    }

    /** The import step: a chunk per transaction, restartable at the last committed line, bad lines skipped. */
    static <T> Step step(String name, JobRepository jobRepository, PlatformTransactionManager tx, int chunkSize,
            ResultFileReader reader, ItemProcessor<InputRecord, T> validator, ItemWriter<T> writer,
            RejectSkipPolicy skipPolicy, RejectListener rejects, StepProgressRegistry progress) {
        return new StepBuilder(name, jobRepository).<InputRecord, T>chunk(chunkSize)
                .transactionManager(tx)
                .reader(CommittedPositionReader.of(reader))
                .processor(validator)
                .writer(writer)
                .faultTolerant()
                .skipPolicy(skipPolicy)
                .listener(rejects)
                .listener(progress.rows())
                .build();
    }
}
