package com.tradebatch.schedule;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.tradebatch.launch.AsyncLauncher;
import com.tradebatch.launch.JobStopper;

/**
 * The scheduler's life in {@code serve}: starts Quartz with the enabled schedules (and their catch-up runs), and
 * on shutdown stops it and every job running in this process, scheduled or launched over HTTP.
 * <p>
 * Shutdown is {@link #requestStop()} or the application context closing, which is what SIGTERM / Ctrl-C do through
 * Spring Boot's shutdown hook: this bean is a {@link SmartLifecycle} of the last phase, stopped before the web server
 * and before any DataSource closes. Triggers stop firing, running jobs are stopped through {@code JobOperator.stop}
 * (they end STOPPED and can be restarted) and waited for.
 */
@Component
public class SchedulerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);
    /** Beyond the jobs' stop timeout: time to wind down before the context closes anyway. */
    private static final Duration SHUTDOWN_MARGIN = Duration.ofSeconds(5);
    /** Not a setting: how often a wait re-checks its condition, short against any stop timeout. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final ScheduleService service;
    private final ScheduleRunner runner;
    private final ScheduleProperties props;
    private final JobStopper stopper;
    private final AsyncLauncher launcher;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Set once at start, read by HTTP threads. */
    private volatile List<Schedule> schedules = List.of();
    private volatile List<ScheduleProblem> problems = List.of();
    private volatile boolean serving;

    public SchedulerLifecycle(ScheduleService service, ScheduleRunner runner, ScheduleProperties props,
            JobStopper stopper, AsyncLauncher launcher) {
        this.service = service;
        this.runner = runner;
        this.props = props;
        this.stopper = stopper;
        this.launcher = launcher;
    }

    /** A catch-up run started with the scheduler, and why. */
    public record CatchUp(Schedule schedule, String reason) {
    }

    /** {@link #start(List)} with what the jobs folder gave, the files that could not be loaded kept for the API. */
    public List<CatchUp> start(ScheduleLoader.Loaded loaded) throws SchedulerException {
        problems = List.copyOf(loaded.problems());
        return start(loaded.schedules());
    }

    /** Registers the enabled schedules, starts Quartz and fires the schedules that must catch up. */
    public List<CatchUp> start(List<Schedule> loaded) throws SchedulerException {
        serving = true;
        schedules = List.copyOf(loaded);
        try {
            service.start(loaded);
        } catch (SchedulerException | RuntimeException e) {
            serving = false;
            finished.countDown();
            throw e;
        }
        Date now = new Date();
        List<CatchUp> catchUps = loaded.stream().filter(Schedule::enabled)
                .map(s -> service.catchUpReason(s, now).map(r -> new CatchUp(s, r))).flatMap(Optional::stream).toList();
        for (CatchUp c : catchUps) {
            service.runNow(c.schedule(), c.reason());
        }
        return catchUps;
    }

    /** The schedules {@code serve} loaded (enabled or not); empty before it starts. */
    public List<Schedule> schedules() {
        return schedules;
    }

    /** The schedule files {@code serve} could not load, with line and reason; empty before it starts. */
    public List<ScheduleProblem> problems() {
        return problems;
    }

    /** Whether {@code serve} has started the scheduler and not yet shut it down. */
    public boolean serving() {
        return serving;
    }

    /** Blocks until a stop is asked for (signal, context closing, {@link #requestStop()}). */
    public void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    /**
     * No new runs; asks every running job of this process to stop and waits for them.
     *
     * @return true when all ended within the stop timeout
     */
    public boolean shutdown() throws InterruptedException, SchedulerException {
        try {
            if (serving) {
                service.standby();
            }
            long deadline = System.nanoTime() + props.getStopTimeout().toNanos();
            boolean clean = runner.stopAll(props.getStopTimeout()); // scheduled runs
            stopper.stopAll(); // runs launched over HTTP
            while ((stopper.anyRunning() || !launcher.idle()) && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
            }
            return clean && !stopper.anyRunning() && launcher.idle();
        } finally {
            serving = false;
            finished.countDown();
        }
    }

    public void requestStop() {
        stopRequested.countDown();
    }

    public long launched() {
        return runner.launched();
    }

    public long skipped() {
        return runner.skipped();
    }

    // SmartLifecycle: closing the context stops serve before the web server and the stores

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void start() {
        // serve starts the scheduler from the command line, not with the context
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
