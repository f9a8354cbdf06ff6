package com.tradebatch.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tradebatch.maintenance.SqlScriptReader.Comment;
import com.tradebatch.maintenance.SqlScriptReader.SqlStatement;

/**
 * The frame of a whole dump as {@code export-sql} writes it: BEGIN TRANSACTION first, COMMIT last and nowhere
 * else, then (since the trailer was added) {@code -- tradebatch export end: N statements}. Each statement of a
 * dump loads on its own, so a dump cut short after any line is still valid SQL: only its end tells it from a
 * whole one. An older export without the trailer is whole if it ends with COMMIT.
 */
final class DumpFrame {

    private static final Pattern TRAILER = Pattern.compile(Pattern.quote(SqlDumpWriter.TRAILER) + "(\\d+) statements");

    private final List<String> problems = new ArrayList<>();
    private final int maxProblems;
    private long statements;
    private SqlStatement last;

    DumpFrame(int maxProblems) {
        this.maxProblems = maxProblems;
    }

    /** Feeds the next statement of the dump, in order. */
    void add(SqlStatement s) {
        statements++;
        boolean begin = s.keyword().equals("BEGIN");
        if (statements == 1 && !begin) {
            problem("line " + s.line() + ": a dump starts with BEGIN TRANSACTION, as export-sql writes it");
        } else if (statements > 1 && begin) {
            problem("line " + s.line() + ": BEGIN inside the dump");
        }
        if (last != null && isCommit(last)) {
            problem("line " + last.line() + ": COMMIT before the end of the dump");
        }
        last = s;
    }

    long statements() {
        return statements;
    }

    /**
     * Problems with the dump as a whole, once every statement was fed.
     *
     * @param trailing the comment after the last statement, or null
     * @param endLine the dump's last line, to name when the end is missing
     */
    List<String> finish(Comment trailing, int endLine) {
        List<String> all = new ArrayList<>(problems);
        if (last == null) {
            all.add("line " + endLine + ": the dump holds no statement");
        } else if (!isCommit(last) || !last.text().endsWith(";")) {
            all.add("line " + last.line() + ": the dump ends here without COMMIT; it is cut short (export-sql ends"
                    + " every dump with COMMIT)");
        }
        Matcher m = trailing == null ? null : TRAILER.matcher(trailing.text());
        if (m != null && m.matches() && Long.parseLong(m.group(1)) != statements) {
            all.add("line " + trailing.line() + ": the export wrote " + m.group(1) + " statements, the dump holds "
                    + statements + " (statements were lost or added)");
        }
        return all;
    }

    private void problem(String problem) {
        if (problems.size() < maxProblems) {
            problems.add(problem);
        }
    }

    private static boolean isCommit(SqlStatement s) {
        return s.keyword().equals("COMMIT") || s.keyword().equals("END");
    }
}
