package com.tradebatch.maintenance;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into statements the way SQLite's tokenizer sees it: semicolons inside 'strings', "quoted",
 * [bracketed] or `backquoted` names and comments do not end a statement, nor do those between a trigger's BEGIN
 * and END. Each statement comes with its tokens (comments dropped) and the line it starts on. Reads a stream,
 * so a dump is never held in memory whole.
 */
public final class SqlScriptReader {

    public enum Kind { WORD, STRING, NAME, NUMBER, BLOB, PARAMETER, PUNCT }

    public record Token(Kind kind, String text) {
        public boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        public boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }

        /** A word or quoted name as the identifier it names. */
        public String identifier() {
            return switch (kind) {
                case NAME -> text.substring(1, text.length() - 1).replace(text.substring(0, 1) + text.substring(0, 1),
                        text.substring(0, 1));
                default -> text;
            };
        }
    }

    public record SqlStatement(String text, int line, List<Token> tokens) {
        public String keyword() {
            return tokens.isEmpty() ? "" : tokens.get(0).text().toUpperCase(Locale.ROOT);
        }
    }

    /** A {@code --} comment: its text after the dashes, stripped, and its line. */
    public record Comment(String text, int line) {
    }

    /** The text is not SQL SQLite would read the same way (unterminated string or name). */
    public static class SqlSyntaxException extends IOException {
        public SqlSyntaxException(String message) {
            super(message);
        }
    }

    private static final int EOF = -1;
    /** Not a setting: more than the dump trailer comment (SqlDumpWriter.TRAILER + a count) the reader looks for. */
    private static final int MAX_COMMENT = 200;

    private final Reader in;
    private int peeked = Integer.MIN_VALUE;
    private int line = 1;
    private Comment trailing;

    public SqlScriptReader(Reader in) {
        this.in = in;
    }

    /** The line the reader has come to: at the end, the last line of the text. */
    public int line() {
        return line;
    }

    /** The last {@code --} comment after the last statement (where an export's trailer is), or null. */
    public Comment trailingComment() {
        return trailing;
    }

    /** The next statement, or null at the end of the text. */
    public SqlStatement next() throws IOException {
        StringBuilder text = new StringBuilder();
        List<Token> tokens = new ArrayList<>();
        int startLine = -1;
        int triggerDepth = 0;
        int caseDepth = 0;
        while (true) {
            int c = read();
            if (c == EOF) {
                return tokens.isEmpty() ? null : new SqlStatement(text.toString().strip(), startLine, tokens);
            }
            if (Character.isWhitespace(c)) {
                if (!tokens.isEmpty()) {
                    text.append((char) c);
                }
                continue;
            }
            if (c == '-' && peek() == '-') {
                int commentLine = line;
                StringBuilder comment = new StringBuilder();
                read();
                for (c = peek(); c != EOF && c != '\n'; c = peek()) {
                    c = read();
                    if (comment.length() < MAX_COMMENT) { // only a trailer is ever looked at; a huge line is not kept
                        comment.append((char) c);
                    }
                }
                read(); // the newline ends the comment
                trailing = new Comment(comment.toString().strip(), commentLine);
                text.append(tokens.isEmpty() ? "" : "\n");
                continue;
            }
            if (c == '/' && peek() == '*') {
                read();
                int prev = 0;
                while (true) {
                    c = read();
                    if (c == EOF || (prev == '*' && c == '/')) {
                        break; // SQLite reads an unterminated block comment as running to the end
                    }
                    prev = c;
                }
                text.append(tokens.isEmpty() ? "" : " ");
                continue;
            }
            if (tokens.isEmpty()) {
                startLine = line;
            }
            trailing = null; // a comment followed by SQL is not the end of the text
            Token token = token(c);
            text.append(token.text());
            if (token.is(";")) {
                if (triggerDepth == 0) {
                    if (tokens.isEmpty()) {
                        text.setLength(0); // an empty statement
                        continue;
                    }
                    return new SqlStatement(text.toString().strip(), startLine, tokens);
                }
                tokens.add(token);
                continue;
            }
            tokens.add(token);
            if (isCreateTrigger(tokens) && token.isWord("BEGIN")) {
                triggerDepth++;
            } else if (triggerDepth > 0 && token.isWord("CASE")) {
                caseDepth++;
            } else if (triggerDepth > 0 && token.isWord("END")) {
                if (caseDepth > 0) {
                    caseDepth--;
                } else {
                    triggerDepth--;
                }
            }
        }
    }

    private static boolean isCreateTrigger(List<Token> tokens) {
        if (tokens.size() < 2 || !tokens.get(0).isWord("CREATE")) {
            return false;
        }
        Token second = tokens.get(1);
        return second.isWord("TRIGGER")
                || ((second.isWord("TEMP") || second.isWord("TEMPORARY")) && tokens.size() > 2 && tokens.get(2).isWord("TRIGGER"));
    }

    private Token token(int c) throws IOException {
        StringBuilder sb = new StringBuilder().appendCodePoint(c);
        int start = line;
        if (c == '\'') {
            quoted(sb, '\'', start, "string");
            return new Token(Kind.STRING, sb.toString());
        }
        if (c == '"' || c == '`') {
            quoted(sb, c, start, "quoted name");
            return new Token(Kind.NAME, sb.toString());
        }
        if (c == '[') {
            while (true) {
                int d = read();
                if (d == EOF) {
                    throw new SqlSyntaxException("line " + start + ": unterminated [name]");
                }
                sb.appendCodePoint(d);
                if (d == ']') {
                    return new Token(Kind.NAME, "\"" + sb.substring(1, sb.length() - 1).replace("\"", "\"\"") + "\"");
                }
            }
        }
        if ((c == 'x' || c == 'X') && peek() == '\'') {
            sb.appendCodePoint(read());
            quoted(sb, '\'', start, "blob");
            return new Token(Kind.BLOB, sb.toString());
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek()))) {
            while (isNumberPart(peek(), sb)) {
                sb.appendCodePoint(read());
            }
            return new Token(Kind.NUMBER, sb.toString());
        }
        if (Character.isLetter(c) || c == '_' || c > 127) {
            while (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '$' || (peek() > 127)) {
                sb.appendCodePoint(read());
            }
            return new Token(Kind.WORD, sb.toString());
        }
        if (c == '?' || c == ':' || c == '@' || c == '$') {
            while (Character.isLetterOrDigit(peek()) || peek() == '_') {
                sb.appendCodePoint(read());
            }
            return new Token(Kind.PARAMETER, sb.toString());
        }
        // operators of two characters read as one, so "||" or "<>" is one token
        if ((c == '|' && peek() == '|') || (c == '<' && (peek() == '>' || peek() == '=' || peek() == '<'))
                || (c == '>' && (peek() == '=' || peek() == '>')) || (c == '!' && peek() == '=')
                || (c == '=' && peek() == '=')) {
            sb.appendCodePoint(read());
        }
        return new Token(Kind.PUNCT, sb.toString());
    }

    private static boolean isNumberPart(int c, StringBuilder sb) {
        if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
            return true;
        }
        char last = sb.charAt(sb.length() - 1);
        boolean hex = sb.length() > 1 && (sb.charAt(1) == 'x' || sb.charAt(1) == 'X');
        return (c == '+' || c == '-') && !hex && (last == 'e' || last == 'E');
    }

    private void quoted(StringBuilder sb, int quote, int start, String what) throws IOException {
        while (true) {
            int d = read();
            if (d == EOF) {
                throw new SqlSyntaxException("line " + start + ": unterminated " + what);
            }
            sb.appendCodePoint(d);
            if (d == quote) {
                if (peek() == quote) {
                    sb.appendCodePoint(read()); // doubled quote: part of the text
                } else {
                    return;
                }
            }
        }
    }

    private int read() throws IOException {
        int c;
        if (peeked != Integer.MIN_VALUE) {
            c = peeked;
            peeked = Integer.MIN_VALUE;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (peeked == Integer.MIN_VALUE) {
            peeked = in.read();
        }
        return peeked;
    }
}
