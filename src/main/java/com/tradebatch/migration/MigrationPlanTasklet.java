package com.tradebatch.migration;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.tradebatch.common.JobReport;

/**
 * First step: connects to the legacy database and works out the plan. With {@code dry-run=true} the plan is the
 * job's report and the step ends with exit status {@link #DRY_RUN}, on which the job ends without writing.
 */
public class MigrationPlanTasklet implements Tasklet {

    public static final String DRY_RUN = "DRY-RUN";
    private static final Logger log = LoggerFactory.getLogger(MigrationPlanTasklet.class);

    private final LegacySource legacy;
    private final MigrationPlans plans;
    private final Set<String> selected;
    private final boolean dryRun;

    public MigrationPlanTasklet(LegacySource legacy, MigrationPlans plans, Set<String> selected, boolean dryRun) {
        this.legacy = legacy;
        this.plans = plans;
        this.selected = selected;
        this.dryRun = dryRun;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long execution = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        MigrationPlan plan = plans.of(execution, legacy, selected);
        String text = plan.describe(dryRun);
        log.info("pg-migrate plan:\n{}", text);
        if (dryRun) {
            JobReport.append(chunkContext.getStepContext().getStepExecution().getJobExecution(), text);
            contribution.setExitStatus(new ExitStatus(DRY_RUN, "dry run: nothing written"));
            plans.forget(execution);
        }
        return RepeatStatus.FINISHED;
    }
}
