package com.tradebatch.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.quartz.CronExpression;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import com.tradebatch.launch.JobCatalog;
import com.tradebatch.launch.LaunchParameters;
import com.tradebatch.launch.UsageException;
import com.tradebatch.common.JobSpec;
import com.tradebatch.store.StoreProperties;

/**
 * Reads the jobs folder: one schedule per {@code *.yml} / {@code *.yaml} file,
 * <pre>
 * job: backup                 # a job of 'tradebatch jobs'
 * cron: "0 0 3 * * ?"         # Quartz: seconds minutes hours day-of-month month day-of-week [year]
 * params: { keep: 14 }        # the job's parameters, checked like 'run' checks them
 * enabled: true               # optional, default true
 * catch-up: true              # optional, default true for backup (tradebatch.schedule.catch-up-jobs)
 * </pre>
 * A file that cannot run (bad YAML, unknown key or job, bad cron or parameter) becomes a {@link ScheduleProblem}
 * naming the file and line; the other files still load.
 */
@Component
public class ScheduleLoader {

    static final Set<String> KEYS = Set.of("job", "cron", "params", "enabled", "catch-up");

    private final JobCatalog catalog;
    private final ScheduleProperties props;
    private final StoreProperties stores;

    public ScheduleLoader(JobCatalog catalog, ScheduleProperties props, StoreProperties stores) {
        this.catalog = catalog;
        this.props = props;
        this.stores = stores;
    }

    /** What the jobs folder holds: the schedules that can run, and the problems of those that cannot. */
    public record Loaded(Path dir, List<Schedule> schedules, List<ScheduleProblem> problems) {
    }

    public Path dir() {
        return props.resolveJobsDir(stores.getBaseDir());
    }

    public Loaded load() {
        Path dir = dir();
        List<Schedule> schedules = new ArrayList<>();
        List<ScheduleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new ScheduleProblem(dir, 0, "no such folder (set TRADEBATCH_JOBS_DIR)"));
            return new Loaded(dir, schedules, problems);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yml,yaml}")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            problems.add(new ScheduleProblem(dir, 0, "cannot list: " + e.getMessage()));
        }
        files.sort(null);
        for (Path file : files) {
            try {
                schedules.add(read(file));
            } catch (Invalid e) {
                problems.add(new ScheduleProblem(file, e.line, e.getMessage()));
            }
        }
        return new Loaded(dir, schedules, problems);
    }

    private static final class Invalid extends Exception {
        final int line;

        Invalid(Node at, String message) {
            this(at == null ? 0 : at.getStartMark().getLine() + 1, message);
        }

        Invalid(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    Schedule read(Path file) throws Invalid {
        Node root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(in);
        } catch (MarkedYAMLException e) {
            throw new Invalid(e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new Invalid(0, "cannot read: " + e.getMessage());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new Invalid(root, "expected 'job:' and 'cron:' keys, found " + (root == null ? "an empty file" : "no mapping"));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = scalar(t.getKeyNode(), "a key");
            if (!KEYS.contains(key)) {
                throw new Invalid(t.getKeyNode(), "unknown key '" + key + "' (keys: job, cron, params, enabled, catch-up)");
            }
            if (entries.put(key, t) != null) {
                throw new Invalid(t.getKeyNode(), "'" + key + "' given twice");
            }
        }
        NodeTuple job = required(entries, "job", mapping);
        NodeTuple cron = required(entries, "cron", mapping);
        String jobName = scalar(job.getValueNode(), "job");
        if (!catalog.contains(jobName)) {
            throw new Invalid(job.getValueNode(), "unknown job '" + jobName + "' (see 'tradebatch jobs')");
        }
        String cronText = scalar(cron.getValueNode(), "cron");
        try {
            CronExpression.validateExpression(cronText);
        } catch (ParseException e) {
            throw new Invalid(cron.getValueNode(), "bad cron '" + cronText + "': " + e.getMessage()
                    + " (Quartz: seconds minutes hours day-of-month month day-of-week)");
        }
        Map<String, String> params = params(entries.get("params"), catalog.spec(jobName));
        boolean enabled = bool(entries.get("enabled"), true);
        boolean catchUp = bool(entries.get("catch-up"), props.getCatchUpJobs().contains(jobName));
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new Schedule(name, file, jobName, cronText, params, enabled, catchUp);
    }

    private static NodeTuple required(Map<String, NodeTuple> entries, String key, Node root) throws Invalid {
        NodeTuple t = entries.get(key);
        if (t == null) {
            throw new Invalid(root, "'" + key + ":' is missing");
        }
        return t;
    }

    private static Map<String, String> params(NodeTuple entry, JobSpec spec) throws Invalid {
        List<String> words = new ArrayList<>();
        Map<String, Node> lines = new LinkedHashMap<>();
        if (entry != null && !(entry.getValueNode() instanceof ScalarNode s && s.getValue().isEmpty())) {
            if (!(entry.getValueNode() instanceof MappingNode map)) {
                throw new Invalid(entry.getValueNode(), "'params:' must be a map of parameter: value");
            }
            for (NodeTuple p : map.getValue()) {
                String key = scalar(p.getKeyNode(), "a parameter name");
                words.add(key + "=" + scalar(p.getValueNode(), "a parameter value"));
                lines.putIfAbsent(key, p.getKeyNode());
            }
        }
        try {
            return LaunchParameters.parse(spec, words);
        } catch (UsageException e) {
            // the message 'run' and the job's validator give; the line of the parameter when the file has it
            String first = e.getMessage().lines().findFirst().orElse(e.getMessage());
            Node at = e.parameter().map(lines::get).orElse(entry == null ? null : entry.getValueNode());
            throw new Invalid(at, first);
        }
    }

    private static boolean bool(NodeTuple entry, boolean fallback) throws Invalid {
        if (entry == null) {
            return fallback;
        }
        String v = scalar(entry.getValueNode(), entry.getKeyNode() instanceof ScalarNode k ? k.getValue() : "a flag")
                .toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new Invalid(entry.getValueNode(), "'" + v + "' is not true or false");
        }
        return Boolean.parseBoolean(v);
    }

    private static String scalar(Node node, String what) throws Invalid {
        if (!(node instanceof ScalarNode s)) {
            throw new Invalid(node, what + " must be a single value");
        }
        return s.getValue().trim();
    }
}
