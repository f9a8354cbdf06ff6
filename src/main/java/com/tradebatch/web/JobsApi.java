package com.tradebatch.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.launch.AsyncLauncher;
import com.tradebatch.launch.JobCatalog;
import com.tradebatch.launch.JobRunner;

/** {@code /api/jobs}: the catalog, and launching a job (asynchronously, with the command line's resume semantics). */
@RestController
@RequestMapping(path = "/api/jobs", produces = "application/json")
@ConditionalOnWebApplication
class JobsApi {

    private final JobCatalog catalog;
    private final JobRunner runner;
    private final AsyncLauncher launcher;
    private final ImportPaths importPaths;

    JobsApi(JobCatalog catalog, JobRunner runner, AsyncLauncher launcher, ImportPaths importPaths) {
        this.catalog = catalog;
        this.runner = runner;
        this.launcher = launcher;
        this.importPaths = importPaths;
    }

    @GetMapping
    List<Map<String, Object>> jobs() {
        return catalog.specs().stream().map(JobsApi::describe).toList();
    }

    @GetMapping("/{job}")
    Map<String, Object> job(@PathVariable String job) {
        return describe(spec(job));
    }

    /**
     * Launches the job with a JSON object of parameters ({@code {"file": "samples/x.csv"}}); values may be strings,
     * numbers, booleans, or arrays for comma lists. 202 with the execution id and its URL once the execution exists.
     */
    @PostMapping("/{job}/executions")
    ResponseEntity<Map<String, Object>> launch(@PathVariable String job,
            @RequestBody(required = false) Map<String, Object> body) {
        JobSpec spec = spec(job);
        List<String> words = new ArrayList<>();
        if (body != null) {
            body.forEach((key, value) -> {
                if (key.contains("=") || key.isBlank()) {
                    throw new ApiProblem(HttpStatus.BAD_REQUEST, spec.name() + ": unknown parameter '" + key + "'", key);
                }
                if (value != null) {
                    words.add(key + "=" + text(key, value));
                }
            });
        }
        Map<String, String> values = runner.parameters(spec.name(), words); // 400 with the command line's message
        importPaths.check(spec, values);
        JobExecution execution = launcher.run(spec.name(), values); // 409 when already running
        return accepted(execution);
    }

    static ResponseEntity<Map<String, Object>> accepted(JobExecution execution) {
        String url = ExecutionsApi.url(execution.getId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", execution.getId());
        body.put("job", execution.getJobInstance().getJobName());
        body.put("status", execution.getStatus().name());
        body.put("parameters", JobRunner.userParameters(execution.getJobParameters()));
        body.put("url", url);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(url)).body(body);
    }

    private JobSpec spec(String job) {
        if (!catalog.contains(job)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown job '" + job + "'. Jobs: "
                    + String.join(", ", catalog.specs().stream().map(JobSpec::name).toList()));
        }
        return catalog.spec(job);
    }

    private static String text(String key, Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Collection<?> items && items.stream().allMatch(i -> i instanceof String || i instanceof Number)) {
            return String.join(",", items.stream().map(Object::toString).toList());
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "parameter " + key + ": must be a string, a number, a boolean"
                + " or an array of strings", key);
    }

    static Map<String, Object> describe(JobSpec spec) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("name", spec.name());
        job.put("description", spec.description());
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (ParameterSpec p : spec.parameters()) {
            Map<String, Object> param = new LinkedHashMap<>();
            param.put("name", p.name());
            param.put("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
            param.put("required", p.required());
            param.put("default", p.defaultValue());
            param.put("choices", p.choices());
            param.put("description", p.description());
            parameters.add(param);
        }
        job.put("parameters", parameters);
        job.put("launch", "/api/jobs/" + spec.name() + "/executions");
        return job;
    }
}
