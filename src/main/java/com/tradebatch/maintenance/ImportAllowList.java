package com.tradebatch.maintenance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.tradebatch.maintenance.SqlScriptReader.Kind;
import com.tradebatch.maintenance.SqlScriptReader.SqlStatement;
import com.tradebatch.maintenance.SqlScriptReader.Token;
import com.tradebatch.store.StoreMigrator.SchemaObject;

/**
 * What {@code import-sql} lets a dump of one store contain: exactly what {@code export-sql} writes for it. Schema
 * statements only as {@code CREATE [UNIQUE] TABLE|INDEX IF NOT EXISTS} of a table or index that the store's
 * migrations define (an index on its own table), INSERT of literal values into those tables, transaction
 * statements, and {@code DELETE FROM sqlite_sequence} (how dumps reset AUTOINCREMENT counters). Everything else
 * is refused: triggers and views (a trigger in the database would run at every later import or write), virtual
 * and foreign tables, the schema history, ATTACH, PRAGMA, UPDATE, DELETE, DROP, TEMP objects, names qualified by
 * a schema (another database), INSERT ... SELECT, function calls in values, bound parameters, and functions that
 * reach outside the database (load_extension, readfile, writefile, ...) anywhere.
 * <p>
 * The target store is migrated before a job runs, so each allowed CREATE ... IF NOT EXISTS names an object it
 * already has and changes nothing; the definitions are therefore not compared (a database the trading system
 * created words them its own way).
 */
public final class ImportAllowList {

    /** What an allowed statement is, for the import to know what to run and what to skip. */
    public enum Verdict { SCHEMA, INSERT, TRANSACTION, SEQUENCE_RESET }

    /** A refused statement; the message says why. */
    public static class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private static final Set<String> OUTSIDE = Set.of("LOAD_EXTENSION", "READFILE", "WRITEFILE", "EDIT",
            "FTS3_TOKENIZER", "ZIPFILE", "SQLAR_COMPRESS", "SQLAR_UNCOMPRESS", "ATTACH", "DETACH", "PRAGMA");
    private static final Set<String> LITERAL_WORDS = Set.of("NULL", "TRUE", "FALSE");
    private static final Set<String> SCHEMA_TABLES = Set.of("SQLITE_MASTER", "SQLITE_SCHEMA", "SQLITE_TEMP_MASTER",
            "SQLITE_TEMP_SCHEMA");
    private static final String SEQUENCE = "sqlite_sequence";

    private final String database;
    /** Lower-case table names of the store. */
    private final Set<String> tables = new HashSet<>();
    /** Lower-case index name -> lower-case name of its table. */
    private final Map<String, String> indexes = new HashMap<>();

    /** @param objects the tables and indexes the store's migrations create */
    public ImportAllowList(String database, List<SchemaObject> objects) {
        this.database = database;
        for (SchemaObject o : objects) {
            if (o.type().equals("table")) {
                tables.add(lower(o.name()));
            } else if (o.type().equals("index")) {
                indexes.put(lower(o.name()), lower(o.table()));
            }
        }
    }

    public Verdict check(SqlStatement statement) throws Refused {
        List<Token> t = statement.tokens();
        for (Token token : t) {
            if (token.kind() == Kind.WORD && OUTSIDE.contains(token.text().toUpperCase(Locale.ROOT))) {
                throw new Refused(token.text() + " is not allowed in a dump");
            }
            if (token.kind() == Kind.PARAMETER) {
                throw new Refused("bound parameter " + token.text() + " is not allowed in a dump");
            }
        }
        String keyword = statement.keyword();
        switch (keyword) {
            case "BEGIN", "COMMIT", "END" -> {
                transaction(t);
                return Verdict.TRANSACTION;
            }
            case "CREATE" -> {
                create(t);
                return Verdict.SCHEMA;
            }
            case "INSERT" -> {
                insert(t);
                return Verdict.INSERT;
            }
            case "DELETE" -> {
                if (t.size() == 3 && t.get(1).isWord("FROM") && t.get(2).identifier().equalsIgnoreCase(SEQUENCE)) {
                    return Verdict.SEQUENCE_RESET;
                }
                throw new Refused("DELETE is not allowed in a dump (only DELETE FROM sqlite_sequence)");
            }
            case "ROLLBACK" -> throw new Refused("ROLLBACK: the dump records a failed export; it is not loaded");
            default -> throw new Refused((keyword.isEmpty() ? t.get(0).text() : keyword)
                    + " is not allowed in a dump (only CREATE TABLE/INDEX IF NOT EXISTS, INSERT, BEGIN/COMMIT)");
        }
    }

    private static void transaction(List<Token> t) throws Refused {
        for (Token token : t.subList(1, t.size())) {
            if (!(token.isWord("TRANSACTION") || token.isWord("DEFERRED") || token.isWord("IMMEDIATE")
                    || token.isWord("EXCLUSIVE"))) {
                throw new Refused("unexpected '" + token.text() + "' in " + t.get(0).text());
            }
        }
    }

    private void create(List<Token> t) throws Refused {
        int i = 1;
        if (at(t, i).isWord("TEMP") || at(t, i).isWord("TEMPORARY")) {
            throw new Refused("CREATE " + t.get(i).text() + " objects are not allowed in a dump");
        }
        if (at(t, i).isWord("UNIQUE")) {
            i++;
        }
        Token what = at(t, i);
        boolean table = what.isWord("TABLE");
        if (!(table || what.isWord("INDEX"))) {
            String object = what.isWord("VIRTUAL") ? what.text() + " " + at(t, i + 1).text() : what.text();
            throw new Refused("CREATE " + object + " is not allowed in a dump (export-sql writes only the tables"
                    + " and indexes of the " + database + " schema)");
        }
        noQualifiedNames(t);
        String kind = table ? "TABLE" : "INDEX";
        if (!(at(t, i + 1).isWord("IF") && at(t, i + 2).isWord("NOT") && at(t, i + 3).isWord("EXISTS"))) {
            throw new Refused("CREATE " + kind + " without IF NOT EXISTS is not allowed (export-sql writes CREATE "
                    + kind + " IF NOT EXISTS, as the " + database + " database has the object already)");
        }
        Token name = at(t, i + 4);
        if (table) {
            if (at(t, i + 5).isWord("AS")) {
                throw new Refused("CREATE TABLE ... AS SELECT is not allowed in a dump");
            }
            storeTable(name);
            return;
        }
        String owner = indexes.get(lower(name.identifier()));
        if (owner == null) {
            throw new Refused("index " + name.text() + " is not part of the " + database + " schema");
        }
        Token on = at(t, i + 6);
        if (!at(t, i + 5).isWord("ON") || !lower(on.identifier()).equals(owner)) {
            throw new Refused("index " + name.text() + " belongs to table " + owner + " in the " + database
                    + " schema, not to " + on.text());
        }
    }

    private void insert(List<Token> t) throws Refused {
        if (!at(t, 1).isWord("INTO")) {
            throw new Refused("only INSERT INTO table VALUES (...) is allowed (no INSERT OR ...)");
        }
        Token table = at(t, 2);
        if (at(t, 3).is(".")) {
            throw new Refused("INSERT INTO " + table.text() + "." + at(t, 4).text()
                    + ": names qualified by a schema (another database) are not allowed");
        }
        schemaTable(table);
        if (!table.identifier().equalsIgnoreCase(SEQUENCE)) {
            storeTable(table);
        }
        int i = 3;
        if (at(t, i).is("(")) {
            while (i < t.size() && !t.get(i).is(")")) {
                Token column = t.get(i);
                if (!(column.is("(") || column.is(",") || column.kind() == Kind.WORD || column.kind() == Kind.NAME)) {
                    throw new Refused("unexpected '" + column.text() + "' in the column list of INSERT INTO " + table.text());
                }
                i++;
            }
            i++;
        }
        if (!at(t, i).isWord("VALUES")) {
            throw new Refused("only INSERT INTO " + table.text() + " ... VALUES (...) is allowed (no INSERT ... SELECT)");
        }
        for (Token v : t.subList(i + 1, t.size())) {
            boolean literal = v.kind() == Kind.NUMBER || v.kind() == Kind.STRING || v.kind() == Kind.BLOB
                    || (v.kind() == Kind.WORD && LITERAL_WORDS.contains(v.text().toUpperCase(Locale.ROOT)))
                    || v.is("(") || v.is(")") || v.is(",") || v.is("-") || v.is("+");
            if (!literal) {
                throw new Refused("INSERT INTO " + table.text() + ": only literal values are allowed, not '" + v.text() + "'");
            }
        }
    }

    /** {@code x.y}: a name in another schema (attached database, temp). */
    private static void noQualifiedNames(List<Token> t) throws Refused {
        for (int i = 1; i + 1 < t.size(); i++) {
            Token prev = t.get(i - 1);
            if (t.get(i).is(".") && (prev.kind() == Kind.WORD || prev.kind() == Kind.NAME)) {
                String qualifier = prev.identifier();
                throw new Refused("name qualified by '" + qualifier + "' is not allowed in a dump (it loads into this database only)");
            }
        }
    }

    private static void schemaTable(Token table) throws Refused {
        if (SCHEMA_TABLES.contains(table.identifier().toUpperCase(Locale.ROOT))) {
            throw new Refused("writing " + table.text() + " (the schema table) is not allowed");
        }
    }

    /** A table the store's migrations define; the schema history and any other table are refused. */
    private void storeTable(Token table) throws Refused {
        if (!tables.contains(lower(table.identifier()))) {
            throw new Refused("table " + table.text() + " is not part of the " + database + " schema");
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Token at(List<Token> t, int i) {
        return i < t.size() ? t.get(i) : new Token(Kind.PUNCT, "<end>");
    }
}
