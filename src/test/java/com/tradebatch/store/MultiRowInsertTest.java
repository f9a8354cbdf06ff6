package com.tradebatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many rows per statement on a real SQLite file: every row once, in order, across whole and partial statements. */
class MultiRowInsertTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryRowInOrderAndALaterDuplicateKeyWins() throws Exception {
        try (Connection con = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            try (Statement st = con.createStatement()) {
                st.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
            }
            MultiRowInsert insert = new MultiRowInsert("INSERT INTO t (k, v) VALUES", 2,
                    "ON CONFLICT (k) DO UPDATE SET v = excluded.v");
            // 250 rows: two whole statements of 100 and one of 50; key 7 again at the end with a new value
            List<Object[]> rows = new ArrayList<>();
            IntStream.range(0, 249).forEach(i -> rows.add(new Object[] {i, "v" + i}));
            rows.add(new Object[] {7, "later"});
            insert.write(con, rows, (row, ps, offset) -> {
                ps.setObject(offset + 1, row[0]);
                ps.setObject(offset + 2, row[1]);
            });
            try (Statement st = con.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*), sum(k), (SELECT v FROM t WHERE k = 7) FROM t")) {
                assertThat(rs.getLong(1)).isEqualTo(249);
                assertThat(rs.getLong(2)).isEqualTo(248L * 249 / 2);
                assertThat(rs.getString(3)).isEqualTo("later");
            }
        }
    }

    @Test
    void theStatementListsOneMarkerGroupPerRowBeforeTheTail() {
        MultiRowInsert narrow = new MultiRowInsert("INSERT INTO n (a, b) VALUES", 2, "ON CONFLICT DO NOTHING");
        assertThat(narrow.sql(3)).isEqualTo("INSERT INTO n (a, b) VALUES\n(?, ?),\n(?, ?),\n(?, ?)\nON CONFLICT DO NOTHING");
    }
}
