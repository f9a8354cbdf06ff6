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
 * line, a schedule, the HTTP API, a test calling {@code JobOperator.start}) gets the same refusal with the same
 * message. Registered on every job by {@link JobCatalog}. Each value is checked by its text, so a parameter given
 * as a string ({@code addString("keep", "14")}, or a run recorded before parameters were typed) is accepted when
 * that text is valid; the run id, whatever its type, is not a declared parameter.
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
            if (!p.name().equals(JobRunner.RUN_ID)) { // a non-identifying value reaches the job too: checked alike
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
