package com.tradebatch.cli;

import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.tradebatch.schedule.Schedule;
import com.tradebatch.schedule.ScheduleLoader;
import com.tradebatch.schedule.ScheduleProperties;
import com.tradebatch.launch.UsageException;
import com.tradebatch.launch.ExitCode;

/** {@code schedules}: the schedules of the jobs folder with their next fire times, and the files that cannot run. */
@Component
class SchedulesCommand implements Command {

    private final ScheduleLoader loader;
    private final ScheduleProperties props;

    SchedulesCommand(ScheduleLoader loader, ScheduleProperties props) {
        this.loader = loader;
        this.props = props;
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            throw new UsageException("usage: tradebatch schedules");
        }
        ScheduleLoader.Loaded loaded = loader.load();
        out.println("schedules in " + loaded.dir() + " (times are this machine's local time):");
        Date now = new Date();
        for (Schedule s : loaded.schedules()) {
            out.println(describe(s, now, props.getNextFireTimes()));
        }
        if (loaded.schedules().isEmpty()) {
            out.println("  (none)");
        }
        for (var p : loaded.problems()) {
            out.println("not scheduled: " + p);
        }
        return loaded.problems().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** One schedule: name, job, cron, parameters, flags, next fire times. */
    static String describe(Schedule s, Date now, int next) {
        SimpleDateFormat time = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        List<String> times = new ArrayList<>();
        Date t = now;
        for (int i = 0; i < next && (t = s.nextFireAfter(t)) != null; i++) {
            times.add(time.format(t));
        }
        String params = s.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return String.format("  %-22s %-16s %-22s %s%s%n      next: %s", s.name(), s.job(), "'" + s.cron() + "'",
                params.isEmpty() ? "(defaults)" : params,
                (s.enabled() ? "" : "  [disabled]") + (s.catchUp() ? "  [catch-up]" : ""),
                !s.enabled() ? "-" : times.isEmpty() ? "never" : String.join(", ", times)).stripTrailing();
    }
}
