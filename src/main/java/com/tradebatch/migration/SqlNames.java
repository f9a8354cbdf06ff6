package com.tradebatch.migration;

/** Quoting of identifiers in the statements pg-migrate builds (PostgreSQL and SQLite both accept double quotes). */
final class SqlNames {

    private SqlNames() {
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
