package com.tradebatch.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.tradebatch.common.ProgressSnapshot;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.schedule.Schedule;
import com.tradebatch.schedule.ScheduleService;
import com.tradebatch.schedule.SchedulerLifecycle;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * tradebatch's own gauges on {@code /actuator/prometheus}, computed when Prometheus scrapes (their label sets come
 * and go with running steps and with the schedules serve loaded, which fixed Micrometer gauges cannot follow):
 * <ul>
 * <li>{@code tradebatch_step_rows_per_second{job,step}}: rows/s of each step running in this process, from
 * {@link StepProgressRegistry} (summed when two runs of the same job and step go at once);</li>
 * <li>{@code tradebatch_schedule_last_success_age_seconds{schedule,job}}: seconds since the end of the newest
 * COMPLETED run of each schedule's job with its parameters, NaN when it never succeeded.</li>
 * </ul>
 */
@Component
@ConditionalOnWebApplication
class OperatingMetrics implements MultiCollector, DisposableBean {

    static final String ROWS_PER_SECOND = "tradebatch_step_rows_per_second";
    static final String LAST_SUCCESS_AGE = "tradebatch_schedule_last_success_age_seconds";

    private static final Logger log = LoggerFactory.getLogger(OperatingMetrics.class);
    private static final String JOB_OF_STEP = """
            SELECT i.JOB_NAME FROM BATCH_STEP_EXECUTION s
            JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
            JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
            WHERE s.STEP_EXECUTION_ID = ?
            """;

    private final StepProgressRegistry progress;
    private final SchedulerLifecycle scheduler;
    private final ScheduleService schedules;
    private final JdbcTemplate batch;
    private final PrometheusRegistry registry;
    /** Job name by running step execution id: a step's job never changes, so it is asked once. */
    private final Map<Long, String> jobOfStep = new ConcurrentHashMap<>();

    OperatingMetrics(StepProgressRegistry progress, SchedulerLifecycle scheduler, ScheduleService schedules,
            @Qualifier("batchDataSource") DataSource batch, ObjectProvider<PrometheusRegistry> registry) {
        this.progress = progress;
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.batch = new JdbcTemplate(batch);
        this.registry = registry.getIfAvailable();
        if (this.registry != null) {
            this.registry.register(this);
        }
    }

    @Override
    public MetricSnapshots collect() {
        return MetricSnapshots.of(rowsPerSecond(), lastSuccessAge());
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(ROWS_PER_SECOND, LAST_SUCCESS_AGE);
    }

    private GaugeSnapshot rowsPerSecond() {
        Map<Long, ProgressSnapshot> running = progress.running();
        jobOfStep.keySet().retainAll(running.keySet());
        Map<List<String>, Double> byJobAndStep = new TreeMap<>((a, b) -> String.join("\0", a).compareTo(String.join("\0", b)));
        running.forEach((id, snapshot) -> jobOf(id).ifPresent(job ->
                byJobAndStep.merge(List.of(job, snapshot.step()), snapshot.rowsPerSecond(), Double::sum)));
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(ROWS_PER_SECOND)
                .help("Rows per second of each step running in this process (rows handled in this run / time it has run)");
        byJobAndStep.forEach((labels, value) -> gauge.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of("job", labels.get(0), "step", labels.get(1))).value(value).build()));
        return gauge.build();
    }

    private Optional<String> jobOf(long stepExecutionId) {
        String job = jobOfStep.get(stepExecutionId);
        if (job == null) {
            try {
                List<String> found = batch.queryForList(JOB_OF_STEP, String.class, stepExecutionId);
                job = found.isEmpty() ? null : found.get(0);
            } catch (RuntimeException e) {
                log.warn("metrics: job of step execution {} not readable: {}", stepExecutionId, e.getMessage());
            }
            if (job != null) {
                jobOfStep.put(stepExecutionId, job);
            }
        }
        return Optional.ofNullable(job);
    }

    private GaugeSnapshot lastSuccessAge() {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(LAST_SUCCESS_AGE)
                .help("Seconds since the newest COMPLETED run of each schedule's job with its parameters ended; NaN when it never succeeded");
        long now = System.currentTimeMillis();
        for (Schedule s : scheduler.schedules()) {
            double age;
            try {
                age = schedules.lastSuccess(s)
                        .map(end -> (now - end.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli()) / 1000.0)
                        .orElse(Double.NaN);
            } catch (RuntimeException e) {
                log.warn("metrics: last success of schedule {} not readable: {}", s.name(), e.getMessage());
                continue;
            }
            gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("schedule", s.name(), "job", s.job()))
                    .value(age).build());
        }
        return gauge.build();
    }

    @Override
    public void destroy() {
        if (registry != null) {
            registry.unregister(this);
        }
    }
}
