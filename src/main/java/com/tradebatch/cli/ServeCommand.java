package com.tradebatch.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.tradebatch.schedule.Schedule;
import com.tradebatch.schedule.ScheduleLoader;
import com.tradebatch.schedule.ScheduleProperties;
import com.tradebatch.schedule.ScheduleRunner;
import com.tradebatch.schedule.ScheduleService;
import com.tradebatch.store.StoreMigrator;
import com.tradebatch.launch.UsageException;
import com.tradebatch.launch.ExitCode;

/**
 * {@code serve}: runs the schedules of the jobs folder with Quartz in the foreground until stopped.
 * <p>
 * Stopping: {@link #requestStop()} (tests), or the application context closing, which is what SIGTERM / Ctrl-C do
 * through Spring Boot's shutdown hook: this bean is a {@link SmartLifecycle}, stopped before any DataSource
 * closes. Triggers stop firing, running jobs are stopped through {@code JobOperator.stop} (they end STOPPED and
 * can be restarted) and waited for, then {@code serve} returns.
 */
@Component
public class ServeCommand implements Command, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    /** Beyond the jobs' stop timeout: time for serve itself to wind down before the context closes anyway. */
    private static final Duration SHUTDOWN_MARGIN = Duration.ofSeconds(5);

    private final ScheduleLoader loader;
    private final ScheduleService service;
    private final ScheduleRunner runner;
    private final ScheduleProperties props;
    private final StoreMigrator migrator;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean serving;

    ServeCommand(ScheduleLoader loader, ScheduleService service, ScheduleRunner runner, ScheduleProperties props,
            StoreMigrator migrator) {
        this.loader = loader;
        this.service = service;
        this.runner = runner;
        this.props = props;
        this.migrator = migrator;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            throw new UsageException("usage: tradebatch serve   (schedules come from the jobs folder, see 'tradebatch schedules')");
        }
        migrator.migrateAll();
        ScheduleLoader.Loaded loaded = loader.load();
        loaded.problems().forEach(p -> {
            log.error("schedule not loaded: {}", p);
            out.println("not scheduled: " + p);
        });
        List<Schedule> enabled = loaded.schedules().stream().filter(Schedule::enabled).toList();
        if (enabled.isEmpty()) {
            out.println("no enabled schedule in " + loaded.dir() + ": nothing to serve");
            return ExitCode.FAILED;
        }
        serving = true;
        try {
            service.start(loaded.schedules());
            Date now = new Date();
            for (Schedule s : loaded.schedules()) {
                out.println(SchedulesCommand.describe(s, now, 1));
            }
            for (Schedule s : enabled) {
                Optional<String> catchUp = service.catchUpReason(s, now);
                if (catchUp.isPresent()) {
                    out.println(s.name() + ": " + catchUp.get() + ", running it now");
                    service.runNow(s, catchUp.get());
                }
            }
            out.println("serving " + enabled.size() + " schedule(s) from " + loaded.dir() + "; stop with Ctrl-C or SIGTERM");
            out.flush();
            stopRequested.await();
            out.println("stopping: no new runs; running jobs are asked to stop");
            service.standby();
            boolean clean = runner.stopAll(props.getStopTimeout());
            out.println("stopped" + (clean ? "" : " (jobs still running after " + props.getStopTimeout().toSeconds() + " s)")
                    + ": " + runner.launched() + " run(s) launched, " + runner.skipped() + " skipped as overlapping");
            return clean ? ExitCode.OK : ExitCode.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED;
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException("the scheduler failed: " + e.getMessage(), e);
        } finally {
            serving = false;
            finished.countDown();
        }
    }

    /** Asks a running {@code serve} to stop gracefully; returns at once. */
    public void requestStop() {
        stopRequested.countDown();
    }

    // SmartLifecycle: closing the context (SIGTERM through Boot's shutdown hook) stops serve before the stores close

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void start() {
        // serve starts from the command line, not with the context
    }

    @Override
    public void stop() {
        requestStop();
        try {
            Duration wait = props.getStopTimeout().plus(SHUTDOWN_MARGIN);
            if (!finished.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("serve did not stop within {}", wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return serving;
    }
}
