package com.tradebatch.migration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.FlowJobBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.tradebatch.common.CommittedPositionReader;
import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.store.Store;
import com.tradebatch.store.StoreConfiguration;
import com.tradebatch.store.StoreProperties;
import com.tradebatch.store.Stores;

/**
 * {@code pg-migrate}: plan, then one chunk step per legacy table (see {@link TableMappings}), then verification.
 * With {@code dry-run=true} the job ends after the plan.
 */
@Configuration(proxyBeanMethods = false)
public class PgMigrateJobConfiguration {

    public static final String JOB = "pg-migrate";
    static final String STEP_PREFIX = JOB + ".";

    @Bean
    JobSpec pgMigrateJobSpec() {
        return new JobSpec(JOB, "migrate the legacy PostgreSQL database (LEGACY_DATABASE_URL) into the three SQLite databases, verified",
                List.of(ParameterSpec.optional("tables", ParameterType.LIST, "all", "legacy tables to migrate")
                                .withChoices(TableSelection.choices()),
                        ParameterSpec.optional("dry-run", ParameterType.BOOLEAN, "false", "print the plan, write nothing"),
                        ParameterSpec.optional("strict-decimals", ParameterType.BOOLEAN, "false",
                                "fail on the first numeric value a REAL cannot hold")));
    }

    @Bean
    Job pgMigrateJob(JobRepository repo, Step pgMigratePlanStep, Step pgMigrateVerifyStep, LegacyTableReader pgMigrateReader,
            MigrationTables migrationTables, UpsertWriter pgMigrateWriter, TargetLoad pgMigrateTargetLoad,
            @Qualifier(StoreConfiguration.TRADING_TX) PlatformTransactionManager trading,
            @Qualifier(StoreConfiguration.MARKET_BULK_TX) PlatformTransactionManager market,
            @Qualifier(StoreConfiguration.ANALYTICS_TX) PlatformTransactionManager analytics,
            MigrationProperties props, StepProgressRegistry progress) {
        Map<Store, PlatformTransactionManager> tx = Map.of(Store.TRADING, trading, Store.MARKET, market, Store.ANALYTICS, analytics);
        FlowBuilder<FlowJobBuilder> flow = null;
        for (TableMapping m : TableMappings.all()) {
            Step step = new StepBuilder(STEP_PREFIX + m.source(), repo).<MigrationRow, Object[]>chunk(props.chunkSize())
                    .transactionManager(tx.get(m.store()))
                    .reader(CommittedPositionReader.of(pgMigrateReader))
                    .processor(new MigrationRowProcessor(m.source(), migrationTables)).writer(pgMigrateWriter)
                    .listener(pgMigrateTargetLoad)
                    .listener(progress.<Object[]>listener("rows", pgMigrateReader::position, pgMigrateReader::total))
                    .build();
            flow = flow == null
                    ? new JobBuilder(JOB, repo).start(pgMigratePlanStep).on(MigrationPlanTasklet.DRY_RUN).end()
                            .from(pgMigratePlanStep).on("*").to(step)
                    : flow.next(step);
        }
        return flow.next(pgMigrateVerifyStep).end().build();
    }

    @Bean
    Step pgMigratePlanStep(JobRepository repo, MigrationPlanTasklet pgMigratePlanTasklet) {
        return new StepBuilder(STEP_PREFIX + "plan", repo).tasklet(pgMigratePlanTasklet, new ResourcelessTransactionManager()).build();
    }

    @Bean
    Step pgMigrateVerifyStep(JobRepository repo, MigrationVerificationTasklet pgMigrateVerificationTasklet,
            StepProgressRegistry progress) {
        return new StepBuilder(STEP_PREFIX + "verify", repo)
                .tasklet(pgMigrateVerificationTasklet, new ResourcelessTransactionManager())
                .listener(progress.tasklet("rows")).build();
    }

    @Bean
    @StepScope
    MigrationPlanTasklet pgMigratePlanTasklet(LegacySource legacy, MigrationPlans plans,
            @Value("#{jobParameters['tables']}") String tables, @Value("#{jobParameters['dry-run']}") Boolean dryRun) {
        return new MigrationPlanTasklet(legacy, plans, TableSelection.parse(tables), Boolean.TRUE.equals(dryRun));
    }

    @Bean
    @StepScope
    MigrationVerificationTasklet pgMigrateVerificationTasklet(LegacySource legacy, MigrationPlans plans,
            MigrationTables migrationTables,
            Stores stores, StoreProperties storeProperties, @Value("#{jobParameters['tables']}") String tables,
            MigrationProperties props, StepProgressRegistry progress, JobRepository repo) {
        Path reports = storeProperties.getBaseDir().resolve("data");
        return new MigrationVerificationTasklet(legacy, plans, migrationTables, stores, progress, TableSelection.parse(tables), reports,
                props.pageSize(), props.verifyLookupBatch(), repo);
    }

    @Bean
    @StepScope
    LegacyTableReader pgMigrateReader(@Value("#{stepExecution.stepName}") String stepName,
            @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
            @Value("#{jobParameters['tables']}") String tables, @Value("#{jobParameters['strict-decimals']}") Boolean strict,
            MigrationTables migrationTables, LegacySource legacy, MigrationPlans plans, MigrationProperties props) {
        String table = tableOf(stepName);
        return new LegacyTableReader(table, TableSelection.parse(tables).contains(table), migrationTables, legacy,
                props.pageSize(), Boolean.TRUE.equals(strict), () -> plans.rows(jobExecutionId, table).orElse(-1L));
    }

    @Bean
    @StepScope
    UpsertWriter pgMigrateWriter(@Value("#{stepExecution.stepName}") String stepName, MigrationTables migrationTables,
            Stores stores, @Qualifier("marketBulkDataSource") DataSource marketBulk) {
        String table = tableOf(stepName);
        return new UpsertWriter(table, migrationTables, target(table, stores, marketBulk));
    }

    @Bean
    @StepScope
    TargetLoad pgMigrateTargetLoad(@Value("#{stepExecution.stepName}") String stepName,
            @Value("#{jobParameters['tables']}") String tables, MigrationTables migrationTables, Stores stores,
            @Qualifier("marketBulkDataSource") DataSource marketBulk, JobRepository repo) {
        String table = tableOf(stepName);
        boolean selected = TableSelection.parse(tables).contains(table);
        return new TargetLoad(() -> selected ? migrationTables.get(table) : Optional.empty(), target(table, stores, marketBulk),
                repo);
    }

    /** Candles are the big tables: they go through the market store's bulk-load connection, as candle-import's do. */
    private static DataSource target(String table, Stores stores, DataSource marketBulk) {
        Store store = TableMappings.bySource(table).orElseThrow().store();
        return store == Store.MARKET ? marketBulk : stores.dataSource(store);
    }

    private static String tableOf(String stepName) {
        return stepName.substring(STEP_PREFIX.length());
    }
}
