package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.Date;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.tradebatch.launch.ExitCode;
import com.tradebatch.launch.UsageException;
import com.tradebatch.schedule.Schedule;
import com.tradebatch.schedule.ScheduleLoader;
import com.tradebatch.schedule.SchedulerLifecycle;
import com.tradebatch.store.StoreMigrator;

/**
 * {@code serve}: the one long-running process. Runs the schedules of the jobs folder with Quartz and, unless
 * {@code TRADEBATCH_HTTP_PORT=0}, the HTTP API (the web server starts with the context, see {@link Cli}), in the
 * foreground until stopped. Starting and stopping the scheduler and the jobs is {@link SchedulerLifecycle}'s.
 */
@Component
public class ServeCommand implements Command {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final ScheduleLoader loader;
    private final SchedulerLifecycle scheduler;
    private final StoreMigrator migrator;
    private final Environment environment;

    ServeCommand(ScheduleLoader loader, SchedulerLifecycle scheduler, StoreMigrator migrator, Environment environment) {
        this.loader = loader;
        this.scheduler = scheduler;
        this.migrator = migrator;
        this.environment = environment;
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
        String http = environment.getProperty("local.server.port");
        if (enabled.isEmpty() && http == null) {
            out.println("no enabled schedule in " + loaded.dir() + " and no HTTP API (TRADEBATCH_HTTP_PORT=0): nothing to serve");
            return ExitCode.FAILED;
        }
        try {
            Date now = new Date();
            List<SchedulerLifecycle.CatchUp> catchUps = scheduler.start(loaded);
            for (Schedule s : loaded.schedules()) {
                out.println(SchedulesCommand.describe(s, now, 1));
            }
            catchUps.forEach(c -> out.println(c.schedule().name() + ": " + c.reason() + ", running it now"));
            if (http != null) {
                out.println("HTTP API on http://" + environment.getProperty("server.address", "0.0.0.0") + ":" + http
                        + "/api (see README.md, \"HTTP API\")");
            }
            out.println("serving " + enabled.size() + " schedule(s) from " + loaded.dir() + "; stop with Ctrl-C or SIGTERM");
            out.flush();
            scheduler.awaitStopRequest();
            out.println("stopping: no new runs; running jobs are asked to stop");
            boolean clean = scheduler.shutdown();
            out.println("stopped" + (clean ? "" : " (jobs still running after the stop timeout)")
                    + ": " + scheduler.launched() + " run(s) launched, " + scheduler.skipped() + " skipped as overlapping");
            return clean ? ExitCode.OK : ExitCode.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED;
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException("the scheduler failed: " + e.getMessage(), e);
        }
    }

    /** Asks a running {@code serve} to stop gracefully; returns at once. */
    public void requestStop() {
        scheduler.requestStop();
    }
}
