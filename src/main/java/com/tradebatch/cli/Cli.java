package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import com.tradebatch.common.RedactedMessageConverter;
import com.tradebatch.common.RedactedThrowableConverter;
import com.tradebatch.launch.TradebatchConfiguration;
import com.tradebatch.store.StoreConfigurationException;
import com.tradebatch.store.StoreSchemaException;
import com.tradebatch.launch.UsageException;
import com.tradebatch.launch.ExitCode;
import com.tradebatch.store.UrlRedaction;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

/**
 * The command line: reads the first word, starts the application context for commands that need it, runs the
 * command and turns every outcome into an exit code and a message for a person (no stack traces on stdout).
 */
public final class Cli {

    static final String USAGE = """
            tradebatch: batch jobs for the trading system's SQLite databases

            usage: tradebatch <command> [arguments]

              run <job> [key=value ...]      launch a job; the same parameters after a failure resume it
              jobs                           list the jobs with their parameters and defaults
              executions [job] [--limit N]   recent executions, newest first (default 20)
              restart <execution-id>         continue a failed, stopped or crashed execution
              health                         connection status of the four databases, as JSON
              restore <database> [<file>]    verify a backup and swap it in (current file kept aside);
                                             without a file: list its verified backups
              schedules                      the schedules of the jobs folder with their next fire times
              serve                          run the schedules (Quartz) and the HTTP API (127.0.0.1:8080) in the
                                             foreground until SIGTERM / Ctrl-C
              help                           this text

            exit codes: 0 done (job COMPLETED), 1 job FAILED or STOPPED / database unusable, 2 bad usage
            databases: TRADING_DATABASE_URL, MARKET_DATABASE_URL, ANALYTICS_DATABASE_URL, BATCH_DATABASE_URL
                       (sqlite:///./data/trading.db, sqlite:////abs/x.db or jdbc:sqlite:path); see README.md
            """;

    private static final Set<String> HELP = Set.of("help", "--help", "-h");
    /** Read by Boot (and by the auto-configuration filter that keeps web, security and actuator out of commands). */
    public static final String WEB_APPLICATION_TYPE = "spring.main.web-application-type";

    private Cli() {
    }

    /**
     * Runs one command.
     *
     * @param properties configuration that overrides the environment (tests use it; the real process passes none)
     * @param extraSources more configuration classes (tests add jobs this way)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> properties,
            Class<?>... extraSources) {
        if (args.length == 0 || HELP.contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        String command = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        ConfigurableApplicationContext context = null;
        try {
            if (command.equals(JobsCommand.NAME)) {
                warningsToStderr();
                return JobsCommand.run(out, properties, extraSources);
            }
            context = startContext(command.equals("serve"), properties, extraSources);
            Command cmd = context.getBeansOfType(Command.class).values().stream()
                    .filter(c -> c.name().equals(command)).findFirst()
                    .orElseThrow(() -> new UsageException("unknown command '" + command + "' (see 'tradebatch help')"));
            return cmd.execute(rest, out);
        } catch (Exception e) {
            return report(e, err);
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    /** The application context every command runs in, without a web server (tests start it the same way). */
    public static ConfigurableApplicationContext startContext(Map<String, Object> properties, Class<?>... extraSources) {
        return startContext(false, properties, extraSources);
    }

    /**
     * The application context of a command. Only {@code serve} ({@code web}) may start the web server, and only
     * when {@code tradebatch.http.port} ({@code TRADEBATCH_HTTP_PORT}) is not 0; every other command is a plain
     * command line process whatever the configuration says.
     */
    public static ConfigurableApplicationContext startContext(boolean web, Map<String, Object> properties,
            Class<?>... extraSources) {
        return start(web, properties, extraSources);
    }

    private static ConfigurableApplicationContext start(boolean web, Map<String, Object> properties,
            Class<?>... extraSources) {
        List<Class<?>> sources = new ArrayList<>();
        sources.add(TradebatchConfiguration.class);
        sources.addAll(Arrays.asList(extraSources));
        SpringApplication app = new SpringApplication(sources.toArray(Class<?>[]::new));
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        // before Boot binds spring.main.* from the environment: the overrides, then the web decision on top of them
        app.addListeners(new ApplicationListener<ApplicationEnvironmentPreparedEvent>() {
            @Override
            public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
                MutablePropertySources sourcesOf = event.getEnvironment().getPropertySources();
                if (!properties.isEmpty()) {
                    sourcesOf.addFirst(new MapPropertySource("tradebatch-overrides", properties));
                }
                String port = event.getEnvironment().getProperty("tradebatch.http.port", "0").trim();
                boolean http = web && !port.equals("0");
                sourcesOf.addFirst(new MapPropertySource("tradebatch-web", Map.of(WEB_APPLICATION_TYPE,
                        (http ? WebApplicationType.SERVLET : WebApplicationType.NONE).name().toLowerCase(Locale.ROOT))));
            }
        });
        return app.run();
    }

    /**
     * Logging for a command that starts no Spring Boot application ({@code jobs}): warnings and errors on stderr,
     * redacted as in logback-spring.xml, nothing else. Without it logback's default would print every debug line
     * on stdout; with Boot's logging system the command would pay for its XML configuration.
     */
    static void warningsToStderr() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
        PatternLayout layout = new PatternLayout();
        layout.getInstanceConverterMap().put("msg", RedactedMessageConverter::new);
        layout.getInstanceConverterMap().put("ex", RedactedThrowableConverter::new);
        layout.setPattern("%d{HH:mm:ss} %-5level %logger{0}: %msg%n%ex");
        layout.setContext(logging);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setLayout(layout);
        encoder.setContext(logging);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.setContext(logging);
        stderr.start();
        ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
    }

    /** The message a person needs, and the exit code that goes with the kind of failure. */
    static int report(Throwable e, PrintStream err) {
        UsageException usage = find(e, UsageException.class);
        if (usage != null) {
            return print(err, usage.getMessage(), ExitCode.USAGE);
        }
        StoreConfigurationException config = find(e, StoreConfigurationException.class);
        if (config != null) {
            return print(err, config.getMessage(), ExitCode.USAGE);
        }
        StoreSchemaException schema = find(e, StoreSchemaException.class);
        if (schema != null) {
            return print(err, schema.getMessage(), ExitCode.FAILED);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return print(err, (e.getMessage() == null ? e : e.getMessage()) + (root != e ? "\n  cause: " + root : ""),
                ExitCode.FAILED);
    }

    /** Every failure message leaves through here, redacted: any message may quote a URL with its password. */
    private static int print(PrintStream err, String message, int exitCode) {
        err.println("tradebatch: " + UrlRedaction.redact(message));
        return exitCode;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static long executionId(List<String> args) {
        if (args.size() != 1) {
            throw new UsageException("usage: tradebatch restart <execution-id> (see 'tradebatch executions')");
        }
        try {
            return Long.parseLong(args.get(0));
        } catch (NumberFormatException e) {
            throw new UsageException("execution id '" + args.get(0) + "' is not a number (see 'tradebatch executions')");
        }
    }

    static int positiveInt(String option, String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the usage message
        }
        throw new UsageException(option + " needs a positive whole number, got '" + value + "'");
    }
}
