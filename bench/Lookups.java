import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Times look-ups in-process, as the trading system's own connection would run them: sqlite-jdbc with tradebatch's
 * store settings (WAL, synchronous=NORMAL, foreign_keys=ON, 2 MB page cache), one connection per database.
 * Each run is prepare + execute + reading every column of every row, timed with System.nanoTime. Every query is
 * warmed up first (not counted), then each is run REPEAT times. Nothing is printed while timing.
 *
 *   java -cp sqlite-jdbc.jar bench/Lookups.java REPEAT 'name|promise ms|database file|SQL' ...
 *
 * Prints one tab-separated line per query: name, promise, rows returned, min, p50, p99, mean, max of the elapsed
 * time, and p50 of the CPU time the thread used (ms, 3 decimals). The CPU time shows what a query costs when other
 * processes hold the cores (elapsed time then includes waiting for one).
 * Run as a single-file source program by bench/lookups.sh.
 */
public class Lookups {

    /** Warm-up per query: at least this many runs and this long, so the JIT has compiled the driver's paths. */
    private static final int WARMUP_RUNS = 100;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int repeat = Integer.parseInt(args[0]);
        int n = args.length - 1;
        String[][] queries = new String[n][];
        Connection[] connections = new Connection[n];
        long[] rows = new long[n];
        try {
            for (int q = 0; q < n; q++) {
                queries[q] = args[q + 1].split("\\|", 4);
                connections[q] = connect(queries[q][2]);
            }
            // every query warm before any is timed: under load the JIT compiles late, and the first query timed
            // would otherwise pay for the driver's interpreted paths
            for (int q = 0; q < n; q++) {
                long start = System.nanoTime();
                for (int i = 0; i < WARMUP_RUNS || System.nanoTime() - start < WARMUP_NANOS; i++) {
                    rows[q] = run(connections[q], queries[q][3]);
                }
            }
            for (int q = 0; q < n; q++) {
                long[] nanos = new long[repeat];
                long[] cpu = new long[repeat];
                for (int i = 0; i < repeat; i++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    run(connections[q], queries[q][3]);
                    nanos[i] = System.nanoTime() - t0;
                    cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
                }
                Arrays.sort(nanos);
                Arrays.sort(cpu);
                double mean = Arrays.stream(nanos).average().orElse(0);
                System.out.printf("%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f%n", queries[q][0], queries[q][1], rows[q],
                        ms(nanos[0]), ms(percentile(nanos, 50)), ms(percentile(nanos, 99)), mean / 1e6,
                        ms(nanos[repeat - 1]), ms(percentile(cpu, 50)));
            }
        } finally {
            for (Connection c : connections) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    /** The settings of tradebatch's store pools (store/SqliteDataSourceFactory). */
    private static Connection connect(String file) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setCacheSize(-2000);
        config.setBusyTimeout(600_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds.getConnection();
    }

    /** Prepare, execute and fetch everything, as a caller that uses the rows would. */
    private static long run(Connection c, String sql) throws Exception {
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= cols; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
