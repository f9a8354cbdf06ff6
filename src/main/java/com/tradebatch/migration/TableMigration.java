package com.tradebatch.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.tradebatch.store.MultiRowInsert;
import com.tradebatch.common.TradingTime;

/**
 * A {@link TableMapping} resolved against the legacy table and the target table as they are: the statements
 * (keyset page on the source, upsert and lookup on the target) and the conversion of each value.
 */
public final class TableMigration {

    /** A value read: its name in the row, the SQL that reads it, how it converts, whether it is a column as stored. */
    record Read(String name, String sql, SourceType kind, int scale, boolean column) {
    }

    private final TableMapping mapping;
    private final SourceTable source;
    private final List<Read> reads;
    private final List<String> keyNames;
    private final List<String> keyTypes;
    private final List<String> layout;
    private final Map<String, Integer> index;
    private final List<String> targetColumns;
    private final int[] targetPositions;
    private final List<String> compared;

    private TableMigration(TableMapping mapping, SourceTable source, List<Read> reads, List<String> keyNames,
            List<String> keyTypes, List<String> targetColumns) {
        this.mapping = mapping;
        this.source = source;
        this.reads = reads;
        this.keyNames = keyNames;
        this.keyTypes = keyTypes;
        this.layout = reads.stream().map(Read::name).toList();
        this.index = new HashMap<>();
        for (int i = 0; i < layout.size(); i++) {
            index.putIfAbsent(layout.get(i), i);
        }
        this.targetColumns = targetColumns;
        this.targetPositions = targetColumns.stream().mapToInt(index::get).toArray();
        this.compared = targetColumns.stream().filter(c -> !mapping.unchecked().contains(c)).toList();
    }

    /**
     * @param targetTableColumns the target table's columns, in table order
     */
    public static TableMigration resolve(TableMapping mapping, SourceTable source, List<String> targetTableColumns) {
        List<Read> reads = new ArrayList<>();
        List<String> targetColumns;
        if (mapping.isDirect()) {
            targetColumns = new ArrayList<>();
            for (String column : targetTableColumns) {
                if (mapping.notCopied().contains(column)) {
                    continue;
                }
                source.column(column).ifPresent(c -> {
                    String sql = c.kind() == SourceType.ARRAY ? "array_to_json(" + SqlNames.quote(c.name()) + ")::text"
                            : SqlNames.quote(c.name());
                    reads.add(new Read(c.name(), sql, c.kind(), c.scale(), c.kind() != SourceType.ARRAY));
                    targetColumns.add(c.name());
                });
            }
            for (String key : mapping.conflictKey()) {
                if (!targetColumns.contains(key)) {
                    throw new LegacySourceException("legacy table " + source.name() + " has no column " + key
                            + ": cannot find its rows again in " + mapping.target());
                }
            }
        } else {
            for (TableMapping.SelectItem item : mapping.items()) {
                if (item.from() != null) {
                    SourceColumn c = source.column(item.from()).orElseThrow(() -> new LegacySourceException(
                            "legacy table " + source.name() + " has no column " + item.from()));
                    String sql = c.kind() == SourceType.ARRAY ? "array_to_json(" + item.sql() + ")::text" : item.sql();
                    reads.add(new Read(item.name(), sql, c.kind(), c.scale(), c.kind() != SourceType.ARRAY));
                } else {
                    reads.add(new Read(item.name(), item.sql(), item.kind(), -1, false));
                }
            }
            targetColumns = mapping.targetColumns();
        }
        List<String> keyNames = new ArrayList<>(source.primaryKey());
        List<String> keyTypes = new ArrayList<>();
        for (String k : keyNames) {
            keyTypes.add(source.column(k).orElseThrow().type());
        }
        if (keyNames.isEmpty()) {
            // no primary key: the physical row position orders the pages (stable while the legacy database is idle)
            keyNames.add("ctid");
            keyTypes.add("tid");
        }
        return new TableMigration(mapping, source, List.copyOf(reads), List.copyOf(keyNames), List.copyOf(keyTypes),
                List.copyOf(targetColumns));
    }

    public TableMapping mapping() {
        return mapping;
    }

    public SourceTable source() {
        return source;
    }

    public List<String> targetColumns() {
        return targetColumns;
    }

    public List<String> keyNames() {
        return keyNames;
    }

    /** The target columns the verification compares (all written except those set at migration time). */
    public List<String> comparedColumns() {
        return compared;
    }

    /** One keyset page: the rows after the given key (or from the start when null), in key order. */
    public String pageSql(boolean first) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < keyNames.size(); i++) {
            sql.append(keyExpr(i)).append("::text AS __k").append(i).append(", ");
        }
        sql.append(rowHashSql()).append(" AS __h, ");
        sql.append(reads.stream().map(Read::sql).collect(Collectors.joining(", ")));
        sql.append(" FROM ").append(SqlNames.quote(source.name())).append(" AS s");
        String keys = java.util.stream.IntStream.range(0, keyNames.size()).mapToObj(this::keyExpr).collect(Collectors.joining(", "));
        if (!first) {
            String params = keyTypes.stream().map(t -> "CAST(? AS " + t + ")").collect(Collectors.joining(", "));
            sql.append(" WHERE (").append(keys).append(") > (").append(params).append(")");
        }
        sql.append(" ORDER BY ").append(keys).append(" LIMIT ?");
        return sql.toString();
    }

    /**
     * PostgreSQL's own 64-bit hash of the values read from one row. Summed over the rows as they are read, and again
     * over the whole table at the end ({@link #sourceChecksumSql()}), it shows whether a row changed in the legacy
     * database after it was read. From PostgreSQL 14 on, {@code hash_record_extended} hashes the stored values of
     * the columns with a hash function of their type (timestamps, numbers, booleans) without printing them: about a
     * third of the CPU of hashing the row's text, which the page queries pay for every row (README "Speed"). A
     * numeric's display scale does not change its hash (1.5 and 1.50 convert to the same REAL). Text-like and
     * other values (json has no hash function) and expressions are hashed as their text. Before 14: the row's text.
     */
    private String rowHashSql() {
        if (!source.hashesRecords()) {
            return "hashtextextended(ROW(" + reads.stream().map(Read::sql).collect(Collectors.joining(", ")) + ")::text, 0)";
        }
        return "hash_record_extended(ROW(" + reads.stream()
                .map(r -> r.column() && HASHED_AS_STORED.contains(r.kind()) ? r.sql() : "(" + r.sql() + ")::text")
                .collect(Collectors.joining(", ")) + "), 0)";
    }

    /** Kinds whose PostgreSQL types all have a hash function: hashed as stored, not as text. */
    private static final Set<SourceType> HASHED_AS_STORED = java.util.EnumSet.of(SourceType.TIMESTAMPTZ,
            SourceType.TIMESTAMP, SourceType.DATE, SourceType.NUMERIC, SourceType.FLOAT, SourceType.INTEGER,
            SourceType.BOOLEAN);

    /** {@code count(*)} and the sum of {@link #rowHashSql() the row hashes} over the whole legacy table, in one scan. */
    public String sourceChecksumSql() {
        return "SELECT count(*), coalesce(sum(" + rowHashSql() + "), 0) FROM " + SqlNames.quote(source.name()) + " AS s";
    }

    /** Every row of the target table, the compared columns in {@link #comparedColumns()} order. */
    public String targetScanSql() {
        return "SELECT " + compared.stream().map(SqlNames::quote).collect(Collectors.joining(", ")) + " FROM "
                + SqlNames.quote(mapping.target());
    }

    private String keyExpr(int i) {
        return "s." + (keyNames.get(i).equals("ctid") && keyTypes.get(i).equals("tid") ? "ctid" : SqlNames.quote(keyNames.get(i)));
    }

    /** Reads the current row of a page result. */
    public MigrationRow read(ResultSet rs, DecimalAudit audit) throws SQLException {
        int k = keyNames.size();
        String[] key = new String[k];
        for (int i = 0; i < k; i++) {
            key[i] = rs.getString(i + 1);
        }
        long sourceHash = rs.getLong(k + 1);
        Object[] values = new Object[reads.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = convert(rs, k + i + 2, reads.get(i), key, audit);
        }
        MigrationRow row = new MigrationRow(layout, index, values, key);
        row.sourceHash(sourceHash);
        row.inexact(audit.drainRow());
        return row;
    }

    private Object convert(ResultSet rs, int col, Read read, String[] key, DecimalAudit audit) throws SQLException {
        switch (read.kind()) {
            case TIMESTAMPTZ -> {
                OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
            case TIMESTAMP -> {
                LocalDateTime t = rs.getObject(col, LocalDateTime.class);
                return t == null ? null : t.toInstant(ZoneOffset.UTC);
            }
            case DATE -> {
                LocalDate d = rs.getObject(col, LocalDate.class);
                return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            case NUMERIC -> {
                java.math.BigDecimal v = rs.getBigDecimal(col);
                return v == null ? null
                        : audit.toReal(v, read.scale(), read.name(), key, keyNames.toArray(String[]::new));
            }
            case FLOAT -> {
                double d = rs.getDouble(col);
                return rs.wasNull() ? null : d;
            }
            case INTEGER -> {
                long l = rs.getLong(col);
                return rs.wasNull() ? null : l;
            }
            case BOOLEAN -> {
                boolean b = rs.getBoolean(col);
                return rs.wasNull() ? null : (b ? 1L : 0L);
            }
            default -> {
                return rs.getString(col);
            }
        }
    }

    /** Applies the mapping's transform and returns the target values in {@link #targetColumns()} order. */
    public Object[] map(MigrationRow row) {
        try {
            mapping.transform().apply(row);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source.name() + " " + DecimalAudit.describeKey(row.key(),
                    keyNames.toArray(String[]::new)) + ": " + e.getMessage(), e);
        }
        Object[] values = row.values();
        Object[] out = new Object[targetPositions.length];
        for (int i = 0; i < out.length; i++) {
            Object v = values[targetPositions[i]];
            out[i] = v instanceof Instant t ? TradingTime.format(t) : v;
        }
        return out;
    }

    /**
     * {@code INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE <a value differs>}: a re-run updates the rows it wrote
     * before, and leaves alone those already equal. Its markers are positional, in {@link #targetColumns()} order,
     * the order of {@link #map}'s values: statement and values come from the one column list, and binding by
     * position keeps the bulk path free of a parameter map per row (measured slower on candles, README "Upsert
     * keys").
     */
    public String upsertSql() {
        return upsert().sql(1);
    }

    /** The same upsert, many rows per statement (the writer's form; {@link MultiRowInsert}). */
    public MultiRowInsert upsert() {
        Set<String> untouched = new LinkedHashSet<>(mapping.conflictKey());
        untouched.addAll(mapping.insertOnly());
        List<String> updated = targetColumns.stream().filter(c -> !untouched.contains(c)).map(SqlNames::quote).toList();
        String head = "INSERT INTO " + SqlNames.quote(mapping.target()) + " ("
                + targetColumns.stream().map(SqlNames::quote).collect(Collectors.joining(", ")) + ") VALUES";
        String conflict = "ON CONFLICT (" + mapping.conflictKey().stream().map(SqlNames::quote).collect(Collectors.joining(", "))
                + ") DO ";
        String tail = updated.isEmpty() ? conflict + "NOTHING"
                : conflict + "UPDATE SET " + updated.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
                        + " WHERE " + updated.stream().map(c -> c + " IS NOT excluded." + c).collect(Collectors.joining(" OR "));
        return new MultiRowInsert(head, targetColumns.size(), tail);
    }

    /**
     * The target rows of {@code n} keys, each tagged with the position of its key in the batch:
     * {@code WITH k(n, key...) AS (VALUES (0, ?...), ...) SELECT k.n, compared... FROM k JOIN target ON key = k.key}.
     * The position saves reading the key columns back and matching them.
     */
    public String lookupSql(int n) {
        List<String> key = mapping.conflictKey();
        StringBuilder sql = new StringBuilder("WITH k(n");
        for (int i = 0; i < key.size(); i++) {
            sql.append(", k").append(i);
        }
        sql.append(") AS (VALUES ");
        String params = String.join("", java.util.Collections.nCopies(key.size(), ", ?"));
        for (int r = 0; r < n; r++) {
            sql.append(r == 0 ? "" : ", ").append('(').append(r).append(params).append(')');
        }
        sql.append(") SELECT k.n");
        for (String c : compared) {
            sql.append(", t.").append(SqlNames.quote(c));
        }
        sql.append(" FROM k JOIN ").append(SqlNames.quote(mapping.target())).append(" AS t ON ");
        for (int i = 0; i < key.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append("t.").append(SqlNames.quote(key.get(i))).append(" = k.k").append(i);
        }
        return sql.toString();
    }

    /** Positions of the conflict key and of the compared columns within {@link #targetColumns()}. */
    int[] positionsOf(List<String> columns) {
        return columns.stream().mapToInt(targetColumns::indexOf).toArray();
    }
}
