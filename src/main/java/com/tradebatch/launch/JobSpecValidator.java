package com.tradebatch.launch;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import com.tradebatch.common.JobSpec;

/**
 * A job's declared parameters as Spring Batch's own validator of that job: whoever launches it (the command
 * line, a schedule, the HTTP API to come, a test calling {@code JobOperator.start}) gets the same refusal with
 * the same message. Registered on every job by {@link JobCatalog}.
 */
final class JobSpecValidator implements JobParametersValidator {

    private final JobSpec spec;

    JobSpecValidator(JobSpec spec) {
        this.spec = spec;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        List<String> words = new ArrayList<>();
        for (JobParameter<?> p : parameters) {
            if (p.identifying() && !p.name().equals(JobRunner.RUN_ID)) {
                words.add(p.name() + "=" + p.value());
            }
        }
        try {
            LaunchParameters.parse(spec, words);
        } catch (UsageException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }
}
