package com.tradebatch.maintenance;

import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.store.Store;
import com.tradebatch.store.StoreMigrator;
import com.tradebatch.store.StoreProperties;
import com.tradebatch.store.Stores;

/** {@code export-sql} and {@code import-sql}: SQL text dumps of the databases, and loading them back. */
@Configuration(proxyBeanMethods = false)
public class SqlDumpJobConfiguration {

    public static final String EXPORT = "export-sql";
    public static final String IMPORT = "import-sql";

    @Bean
    JobSpec exportSqlJobSpec() {
        return new JobSpec(EXPORT, "SQL text dump (schema + rows, one transaction) to the backup folder", List.of(
                BackupJobConfiguration.databases("which databases to dump"),
                ParameterSpec.optional("tables", ParameterType.STRING, null,
                        "comma list of tables to dump (default: all but flyway_schema_history)"),
                ParameterSpec.optional("compress", ParameterType.STRING, "none", "gzip the dump")
                        .withChoices("none", "gzip")));
    }

    @Bean
    JobSpec importSqlJobSpec() {
        return new JobSpec(IMPORT, "load an SQL dump into one database: only the store's tables and indexes, INSERT,"
                + " BEGIN/COMMIT; a dump cut short is refused",
                List.of(ParameterSpec.required("database", ParameterType.STRING, "the database to load into")
                                .withChoices("trading", "market", "analytics"),
                        ParameterSpec.required("file", ParameterType.PATH, "the dump (.sql or .sql.gz)")));
    }

    @Bean
    Job exportSqlJob(JobRepository jobRepository, Step exportSqlStep) {
        return new JobBuilder(EXPORT, jobRepository).start(exportSqlStep).build();
    }

    @Bean
    Job importSqlJob(JobRepository jobRepository, Step importSqlStep) {
        return new JobBuilder(IMPORT, jobRepository).start(importSqlStep).build();
    }

    @Bean
    Step exportSqlStep(JobRepository jobRepository, ExportSqlTasklet exportSqlTasklet, StepProgressRegistry progress) {
        return new StepBuilder(EXPORT, jobRepository).tasklet(exportSqlTasklet, new ResourcelessTransactionManager())
                .listener(progress.tasklet("databases")).build();
    }

    @Bean
    Step importSqlStep(JobRepository jobRepository, ImportSqlTasklet importSqlTasklet, StepProgressRegistry progress) {
        // the tasklet runs the whole dump in one transaction on its own connection of the target store
        return new StepBuilder(IMPORT, jobRepository).tasklet(importSqlTasklet, new ResourcelessTransactionManager())
                .listener(progress.tasklet("statements")).build();
    }

    @Bean
    @StepScope
    ExportSqlTasklet exportSqlTasklet(Stores stores, BackupFiles files, StepProgressRegistry progress,
            @Value("#{jobParameters['databases']}") String databases, @Value("#{jobParameters['tables']}") String tables,
            @Value("#{jobParameters['compress']}") String compress) {
        return new ExportSqlTasklet(stores, files, progress, Store.parseList(databases, false),
                ExportSqlTasklet.parseTables(tables), "gzip".equals(compress));
    }

    @Bean
    @StepScope
    ImportSqlTasklet importSqlTasklet(Stores stores, StoreMigrator migrator, StoreProperties storeProperties,
            StepProgressRegistry progress,
            MaintenanceProperties props,
            @Value("#{jobParameters['database']}") String database, @Value("#{jobParameters['file']}") Path path) {
        return new ImportSqlTasklet(stores, migrator, progress, Store.fromKey(database),
                path.isAbsolute() ? path : storeProperties.getBaseDir().resolve(path).normalize(), props.maxProblems());
    }
}
