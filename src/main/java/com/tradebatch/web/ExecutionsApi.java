package com.tradebatch.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.tradebatch.common.ProgressSnapshot;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.common.JobReport;
import com.tradebatch.common.RejectFile;
import com.tradebatch.common.WorkPaths;
import com.tradebatch.launch.AsyncLauncher;
import com.tradebatch.launch.ExecutionOwner;
import com.tradebatch.launch.JobCatalog;
import com.tradebatch.launch.JobRunner;
import com.tradebatch.launch.JobStopper;
import com.tradebatch.store.Store;
import com.tradebatch.store.StoreMigrator;
import com.tradebatch.store.UrlRedaction;

/** {@code /api/executions}: the job repository's executions, newest first; one in detail; stop, restart, rejects. */
@RestController
@RequestMapping(path = "/api/executions", produces = "application/json")
@ConditionalOnWebApplication
class ExecutionsApi {

    // one row per execution with its steps' counts summed (as 'executions' does), filtered and keyset-paged; the
    // id bound is a plain range so SQLite starts the scan at the page, not at the newest execution
    private static final String PAGE = """
            SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.CREATE_TIME, e.START_TIME, e.END_TIME,
                   COALESCE(SUM(s.READ_COUNT), 0), COALESCE(SUM(s.WRITE_COUNT), 0),
                   COALESCE(SUM(s.READ_SKIP_COUNT + s.PROCESS_SKIP_COUNT + s.WRITE_SKIP_COUNT), 0)
            FROM BATCH_JOB_EXECUTION e
            JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
            LEFT JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
            WHERE (? IS NULL OR i.JOB_NAME = ?) AND (? IS NULL OR e.STATUS = ?)
              AND e.JOB_EXECUTION_ID < COALESCE(?, 9223372036854775807)
            GROUP BY e.JOB_EXECUTION_ID
            ORDER BY e.JOB_EXECUTION_ID DESC
            LIMIT ?
            """;

    private final JdbcTemplate batch;
    private final JobRepository jobRepository;
    private final JobCatalog catalog;
    private final StoreMigrator migrator;
    private final AsyncLauncher launcher;
    private final JobStopper stopper;
    private final WorkPaths paths;
    private final StepProgressRegistry progress;
    private final ApiProperties props;

    ExecutionsApi(@Qualifier("batchDataSource") DataSource batch, JobRepository jobRepository, JobCatalog catalog,
            StoreMigrator migrator, AsyncLauncher launcher, JobStopper stopper, WorkPaths paths,
            StepProgressRegistry progress, ApiProperties props) {
        this.batch = new JdbcTemplate(batch);
        this.jobRepository = jobRepository;
        this.catalog = catalog;
        this.migrator = migrator;
        this.launcher = launcher;
        this.stopper = stopper;
        this.paths = paths;
        this.progress = progress;
        this.props = props;
    }

    /**
     * Live figures of a running step: from this process's registry when it runs here, else the last ones the
     * step saved in its execution context (a run launched from the command line, seen at its last chunk).
     */
    private Map<String, Object> progress(StepExecution s) {
        Map<String, Object> p = new LinkedHashMap<>();
        progress.snapshot(s.getId()).ifPresentOrElse(snap -> {
            p.put("done", snap.done());
            p.put("total", snap.total() == ProgressSnapshot.UNKNOWN ? null : snap.total());
            p.put("unit", snap.unit());
            p.put("rows", snap.rows());
            p.put("rowsPerSecond", Math.round(snap.rowsPerSecond()));
            p.put("etaSeconds", snap.eta() == null ? null : snap.eta().toSeconds());
            p.put("line", snap.line());
        }, () -> {
            var ec = s.getExecutionContext();
            for (String key : new String[] {"done", "total", "unit", "rows", "rows-per-second", "eta-seconds"}) {
                if (ec.containsKey("progress." + key)) {
                    p.put(key, ec.get("progress." + key));
                }
            }
        });
        return p;
    }

    static String url(long id) {
        return "/api/executions/" + id;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long before) {
        if (job != null && !catalog.contains(job)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown job '" + job + "'", "job");
        }
        String state = null;
        if (status != null) {
            try {
                state = BatchStatus.valueOf(status.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "status '" + status + "' is not one of "
                        + List.of(BatchStatus.values()), "status");
            }
        }
        int n = ApiProblem.between1And(props.executionsMaxLimit(), limit, props.executionsLimit(), "limit");
        migrator.migrate(Store.BATCH);
        List<Map<String, Object>> rows = batch.query(PAGE, (rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", rs.getLong(1));
            row.put("job", rs.getString(2));
            row.put("status", rs.getString(3));
            row.put("exitCode", rs.getString(4));
            row.put("createTime", time(rs.getTimestamp(5)));
            row.put("startTime", time(rs.getTimestamp(6)));
            row.put("endTime", time(rs.getTimestamp(7)));
            row.put("read", rs.getLong(8));
            row.put("written", rs.getLong(9));
            row.put("skipped", rs.getLong(10));
            row.put("url", url(rs.getLong(1)));
            return row;
        }, job, job, state, state, before, n + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        boolean more = rows.size() > n;
        List<Map<String, Object>> page = more ? rows.subList(0, n) : rows;
        body.put("executions", page);
        String next = null;
        if (more) {
            StringBuilder q = new StringBuilder("/api/executions?limit=" + n + "&before=" + page.get(n - 1).get("id"));
            if (job != null) {
                q.append("&job=").append(job);
            }
            if (state != null) {
                q.append("&status=").append(state);
            }
            next = q.toString();
        }
        body.put("next", next);
        return body;
    }

    @GetMapping("/{id}")
    Map<String, Object> one(@PathVariable long id) {
        JobExecution e = execution(id);
        String job = e.getJobInstance().getJobName();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", e.getId());
        body.put("job", job);
        body.put("instanceId", e.getJobInstance().getInstanceId());
        body.put("parameters", JobRunner.userParameters(e.getJobParameters()));
        body.put("status", e.getStatus().name());
        body.put("exitCode", e.getExitStatus().getExitCode());
        body.put("exitDescription", UrlRedaction.redact(e.getExitStatus().getExitDescription()));
        body.put("createTime", time(e.getCreateTime()));
        body.put("startTime", time(e.getStartTime()));
        body.put("endTime", time(e.getEndTime()));
        body.put("runningHere", stopper.isRunningHere(id));
        ExecutionOwner.of(e).ifPresent(o -> body.put("pid", o.pid()));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepExecution s : e.getStepExecutions()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("name", s.getStepName());
            step.put("status", s.getStatus().name());
            step.put("read", s.getReadCount());
            step.put("written", s.getWriteCount());
            step.put("filtered", s.getFilterCount());
            step.put("skipped", s.getSkipCount());
            step.put("readSkips", s.getReadSkipCount());
            step.put("processSkips", s.getProcessSkipCount());
            step.put("writeSkips", s.getWriteSkipCount());
            step.put("commits", s.getCommitCount());
            step.put("rollbacks", s.getRollbackCount());
            step.put("startTime", time(s.getStartTime()));
            step.put("endTime", time(s.getEndTime()));
            step.put("exitDescription", UrlRedaction.redact(s.getExitStatus().getExitDescription()));
            if (s.getStatus().isRunning()) {
                step.put("progress", progress(s));
            }
            steps.add(step);
        }
        body.put("steps", steps);
        body.put("report", JobReport.of(e));
        Path rejects = rejectFile(job, id);
        body.put("rejects", Files.isRegularFile(rejects) ? url(id) + "/rejects" : null);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", url(id));
        links.put("stop", url(id) + "/stop");
        links.put("restart", url(id) + "/restart");
        body.put("links", links);
        return body;
    }

    /** The execution's rejected lines (CSV), as the reject file the job wrote. */
    @GetMapping(path = "/{id}/rejects", produces = {"text/csv", "application/json", "application/problem+json"})
    ResponseEntity<Resource> rejects(@PathVariable long id) {
        JobExecution e = execution(id);
        Path file = rejectFile(e.getJobInstance().getJobName(), id);
        if (!Files.isRegularFile(file)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "execution " + id + " has no reject file");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
                .body(new FileSystemResource(file));
    }

    /** Asks a running execution to stop at its next chunk boundary: it ends STOPPED and can be restarted. */
    @PostMapping("/{id}/stop")
    ResponseEntity<Map<String, Object>> stop(@PathVariable long id) {
        JobExecution e = execution(id);
        if (!e.getStatus().isRunning()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "execution " + id + " is " + e.getStatus() + ", not running");
        }
        if (!stopper.stop(id)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "execution " + id + " is not running in this process"
                    + ExecutionOwner.of(e).map(o -> " (it runs in process " + o.pid() + ": stop it there)").orElse(""));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("status", BatchStatus.STOPPING.name());
        body.put("url", url(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    /** Continues a failed, stopped or crashed execution; 202 with the new execution. */
    @PostMapping("/{id}/restart")
    ResponseEntity<Map<String, Object>> restart(@PathVariable long id) {
        execution(id);
        return JobsApi.accepted(launcher.restart(id));
    }

    private JobExecution execution(long id) {
        migrator.migrate(Store.BATCH);
        JobExecution e;
        try {
            e = jobRepository.getJobExecution(id);
        } catch (EmptyResultDataAccessException notFound) {
            e = null;
        }
        if (e == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "no execution " + id);
        }
        return e;
    }

    private Path rejectFile(String job, long id) {
        return new RejectFile(paths.rejectsDir(), job, id).path();
    }

    private static String time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toString();
    }

    private static String time(LocalDateTime t) {
        return t == null ? null : t.toString();
    }
}
