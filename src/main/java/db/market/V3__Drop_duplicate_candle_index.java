package db.market;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Market version 3, in files tradebatch created: drops {@code idx_symbol_interval_time}, the system's non-unique
 * index on (symbol, interval, open_time), when the UNIQUE {@code idx_unique_candle} indexes exactly the same
 * columns. Every look-up the first one serves, the second serves the same way; keeping both made each candle
 * write maintain the same B-tree twice (README "Candle import", speed). What the system needs is the column set
 * indexed, not the name twice.
 *
 * <p>Java, not SQL, because the drop is conditional: a file the Python system created (adopted, baselined at
 * version 1) keeps its indexes as they are, and so does a file whose unique index is not the same column list.
 * Found by Flyway in {@code classpath:db/market} beside the SQL versions.
 */
public class V3__Drop_duplicate_candle_index extends BaseJavaMigration {

    static final String DUPLICATE = "idx_symbol_interval_time";
    static final String UNIQUE = "idx_unique_candle";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (adopted(c, context.getConfiguration().getTable())) {
            return;
        }
        List<String> unique = columns(c, UNIQUE, true);
        if (!unique.isEmpty() && unique.equals(columns(c, DUPLICATE, false))) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP INDEX " + DUPLICATE);
            }
        }
    }

    private static boolean adopted(Connection c, String historyTable) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + historyTable + "\" WHERE type = 'BASELINE'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** The index's columns in order, when it is a full (not partial) index on candlesticks of that uniqueness. */
    private static List<String> columns(Connection c, String index, boolean unique) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.name FROM pragma_index_list('candlesticks') l, pragma_index_info(l.name) i
                WHERE l.name = ? AND l."unique" = ? AND l.partial = 0 ORDER BY i.seqno
                """)) {
            ps.setString(1, index);
            ps.setInt(2, unique ? 1 : 0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }
}
