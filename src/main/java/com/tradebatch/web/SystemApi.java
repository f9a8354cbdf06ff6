package com.tradebatch.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.quartz.SchedulerException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.tradebatch.launch.StoreHealth;
import com.tradebatch.maintenance.BackupFiles;
import com.tradebatch.maintenance.BackupManifest;
import com.tradebatch.schedule.Schedule;
import com.tradebatch.schedule.ScheduleLoader;
import com.tradebatch.schedule.ScheduleProblem;
import com.tradebatch.schedule.ScheduleProperties;
import com.tradebatch.schedule.ScheduleService;
import com.tradebatch.schedule.SchedulerLifecycle;
import com.tradebatch.store.Store;
import com.tradebatch.store.StoreMigrator;
import com.tradebatch.store.UrlRedaction;

/** {@code /api/system/info}, {@code /api/schedules}, {@code /api/backups}, {@code /api/series}: read-only views. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@ConditionalOnWebApplication
class SystemApi {

    private static final String SERIES = """
            SELECT symbol, interval, %s, last_attempt_at, last_success_at
            FROM candlestick_metadata
            WHERE (? IS NULL OR symbol = ?) AND (? IS NULL OR interval = ?)
            ORDER BY symbol, interval
            """.formatted(SeriesMetadata.COLUMNS);

    private final StoreHealth health;
    private final ScheduleLoader loader;
    private final ScheduleService schedules;
    private final SchedulerLifecycle scheduler;
    private final ScheduleProperties scheduleProps;
    private final BackupFiles backups;
    private final JdbcTemplate market;
    private final StoreMigrator migrator;

    SystemApi(StoreHealth health, ScheduleLoader loader, ScheduleService schedules, SchedulerLifecycle scheduler,
            ScheduleProperties scheduleProps, BackupFiles backups, @Qualifier("marketDataSource") DataSource market,
            StoreMigrator migrator) {
        this.health = health;
        this.loader = loader;
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.scheduleProps = scheduleProps;
        this.backups = backups;
        this.market = new JdbcTemplate(market);
        this.migrator = migrator;
    }

    /** The {@code health} command's block: status, type, databases (connected/disconnected), redacted urls, errors. */
    @GetMapping("/system/info")
    Map<String, Object> info() {
        return health.report();
    }

    /**
     * The schedules {@code serve} runs, from the running scheduler: next fire times of their Quartz triggers, the
     * last result (newest run of the schedule's job with its parameters) and last success, and the files that could
     * not be loaded (file, line, reason). Before the scheduler has started (serve starting up) the jobs folder is
     * read instead, as {@code schedules} does.
     */
    @GetMapping("/schedules")
    Map<String, Object> schedules() throws SchedulerException {
        boolean serving = scheduler.serving();
        List<Schedule> all;
        List<ScheduleProblem> problems;
        if (serving) {
            all = scheduler.schedules();
            problems = scheduler.problems();
        } else {
            ScheduleLoader.Loaded loaded = loader.load();
            all = loaded.schedules();
            problems = loaded.problems();
        }
        Date now = new Date();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Schedule s : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("job", s.job());
            m.put("cron", s.cron());
            m.put("params", s.params());
            m.put("enabled", s.enabled());
            m.put("catchUp", s.catchUp());
            m.put("file", s.file() == null ? null : s.file().getFileName().toString());
            List<Date> next = serving ? schedules.nextFireTimes(s, now, scheduleProps.getNextFireTimes())
                    : cronFireTimes(s, now);
            m.put("nextFireTimes", next.stream()
                    .map(t -> t.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime().toString()).toList());
            ScheduleService.LastRuns last = schedules.lastRuns(s);
            m.put("lastResult", last.newest().map(SystemApi::lastResult).orElse(null));
            m.put("lastSuccess", last.lastSuccess().map(Object::toString).orElse(null));
            list.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serving", serving);
        body.put("dir", loader.dir().toString());
        body.put("schedules", list);
        body.put("problems", problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.file() == null ? null : p.file().getFileName().toString());
            m.put("line", p.line() > 0 ? p.line() : null);
            m.put("message", UrlRedaction.redact(p.message()));
            return m;
        }).toList());
        return body;
    }

    private List<Date> cronFireTimes(Schedule s, Date now) {
        List<Date> next = new ArrayList<>();
        Date t = now;
        for (int i = 0; s.enabled() && i < scheduleProps.getNextFireTimes() && (t = s.nextFireAfter(t)) != null; i++) {
            next.add(t);
        }
        return next;
    }

    private static Map<String, Object> lastResult(JobExecution e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.getId());
        m.put("status", e.getStatus().name());
        m.put("exitCode", e.getExitStatus().getExitCode());
        m.put("startTime", e.getStartTime() == null ? null : e.getStartTime().toString());
        m.put("endTime", e.getEndTime() == null ? null : e.getEndTime().toString());
        m.put("url", ExecutionsApi.url(e.getId()));
        return m;
    }

    /** Verified backups per database, newest first (what {@code restore <database>} lists). */
    @GetMapping("/backups")
    Map<String, Object> backups() {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Store store : Store.values()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (BackupFiles.Backup b : backups.verified(store)) {
                BackupManifest m = b.manifest();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", b.file().getFileName().toString());
                row.put("created", m.created());
                row.put("compression", m.compression());
                row.put("size", m.size());
                row.put("sha256", m.sha256());
                row.put("databaseSize", m.databaseSize());
                row.put("integrityCheck", m.integrityCheck());
                row.put("rows", m.rows());
                row.put("totalRows", m.totalRows());
                list.add(row);
            }
            body.put(store.key(), list);
        }
        return body;
    }

    /** The candle series of the market database ({@code candlestick_metadata}), optionally one symbol or interval. */
    @GetMapping("/series")
    Map<String, Object> series(@RequestParam(required = false) String symbol,
            @RequestParam(required = false) String interval) {
        migrator.migrate(Store.MARKET);
        List<Map<String, Object>> rows = market.query(SERIES, (rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", rs.getString(1));
            row.put("interval", rs.getString(2));
            SeriesMetadata.put(row, rs, 3);
            row.put("lastAttemptAt", rs.getString(10));
            row.put("lastSuccessAt", rs.getString(11));
            return row;
        }, symbol, symbol, interval, interval);
        return Map.of("series", rows);
    }
}
