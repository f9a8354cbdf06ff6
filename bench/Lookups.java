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
 * Each run is prepare + execute + reading every column of every row, timed with System.nanoTime; WARMUP runs first
 * (not counted), then REPEAT timed runs. Nothing is printed while timing.
 *
 *   java -cp sqlite-jdbc.jar bench/Lookups.java REPEAT 'name|promise ms|database file|SQL' ...
 *
 * Prints one tab-separated line per query: name, promise, rows returned, min, p50, p99, mean, max of the elapsed
 * time, and p50 of the CPU time the thread used (ms, 3 decimals). The CPU time shows what a query costs when other
 * processes hold the cores (elapsed time then includes waiting for one).
 * Run as a single-file source program by bench/lookups.sh.
 */
public class Lookups {

    private static final int WARMUP = 50;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int repeat = Integer.parseInt(args[0]);
        for (int q = 1; q < args.length; q++) {
            String[] f = args[q].split("\\|", 4);
            String name = f[0], promise = f[1], db = f[2], sql = f[3];
            try (Connection c = connect(db)) {
                long rows = 0;
                for (int i = 0; i < WARMUP; i++) {
                    rows = run(c, sql);
                }
                long[] nanos = new long[repeat];
                long[] cpu = new long[repeat];
                for (int i = 0; i < repeat; i++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    run(c, sql);
                    nanos[i] = System.nanoTime() - t0;
                    cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
                }
                Arrays.sort(nanos);
                Arrays.sort(cpu);
                double mean = Arrays.stream(nanos).average().orElse(0);
                System.out.printf("%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f%n", name, promise, rows, ms(nanos[0]),
                        ms(percentile(nanos, 50)), ms(percentile(nanos, 99)), mean / 1e6, ms(nanos[repeat - 1]),
                        ms(percentile(cpu, 50)));
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
