package com.tradebatch.analytics;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.tradebatch.common.RejectedLineException;
import com.tradebatch.common.Utf8Lines;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Streams the records of one or more result files, JSON Lines or CSV with a header, in file-name order. A line
 * that cannot be parsed is thrown as a {@link RejectedLineException} after the reader has moved past it, so the
 * skip goes on with the next line. The position (file, line) is saved in the step's execution context: a restart
 * continues after the last committed record. A CSV header that lacks a required column fails the step at once:
 * every line of that file would be rejected. Files are UTF-8 (a byte order mark is dropped); a line with a byte that
 * is not UTF-8 is a rejected line naming its number.
 */
public class ResultFileReader implements ItemStreamReader<InputRecord> {

    private static final String FILE_KEY = "result-file.index";
    private static final String LINE_KEY = "result-file.line";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Path> files;
    private final String format;
    private final Set<String> requiredColumns;

    private int fileIndex;
    private long linesConsumed;
    private Utf8Lines in;
    private ResultFileFormat currentFormat;
    private List<String> header;

    /**
     * @param format          {@code auto}, {@code jsonl} or {@code csv}
     * @param requiredColumns the columns a CSV header must name
     */
    public ResultFileReader(List<Path> files, String format, Set<String> requiredColumns) {
        this.files = List.copyOf(files);
        this.format = format;
        this.requiredColumns = Set.copyOf(requiredColumns);
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        fileIndex = context.getInt(FILE_KEY, 0);
        long resumeAt = context.getLong(LINE_KEY, 0);
        if (fileIndex < files.size()) {
            openFile(resumeAt);
        }
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putInt(FILE_KEY, fileIndex);
        context.putLong(LINE_KEY, linesConsumed);
    }

    @Override
    public void close() throws ItemStreamException {
        closeFile();
    }

    @Override
    public InputRecord read() throws IOException {
        while (fileIndex < files.size()) {
            if (in == null) {
                openFile(0);
            }
            Utf8Lines.Line line = nextLine();
            if (line == null) {
                closeFile();
                fileIndex++;
                linesConsumed = 0;
                continue;
            }
            long lineNumber = line.number();
            if (!line.isMalformed() && line.text().isBlank()) {
                continue;
            }
            if (currentFormat == ResultFileFormat.CSV && header == null) {
                header = readHeader(line);
                continue;
            }
            if (line.isMalformed()) {
                throw reject(lineNumber, line.malformed(), line.text());
            }
            if (currentFormat == ResultFileFormat.JSONL) {
                return jsonRecord(lineNumber, line.text());
            }
            StringBuilder text = new StringBuilder(line.text());
            while (quotesOpen(text)) { // a quoted value that goes on over the next line
                Utf8Lines.Line more = nextLine();
                if (more == null) {
                    throw reject(lineNumber, "a quoted value is not closed before the end of the file", text.toString());
                }
                text.append('\n').append(more.text());
                if (more.isMalformed()) {
                    throw reject(lineNumber, "line " + more.number() + ": " + more.malformed(), text.toString());
                }
            }
            return csvRecord(lineNumber, text.toString());
        }
        return null;
    }

    private InputRecord jsonRecord(long lineNumber, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw reject(lineNumber, "not valid JSON: " + firstLine(e.getOriginalMessage()), line);
        }
        if (node == null || !node.isObject()) {
            throw reject(lineNumber, "not a JSON object", line);
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            values.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
        }
        return new InputRecord(sourceName(), lineNumber, values, line);
    }

    private InputRecord csvRecord(long lineNumber, String text) {
        List<String> cells = splitCsv(lineNumber, text);
        if (cells.size() != header.size()) {
            throw reject(lineNumber, cells.size() + " values for the header's " + header.size() + " columns", text);
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            values.put(header.get(i), v == null || v.isEmpty() ? null : JsonNodeFactory.instance.stringNode(v));
        }
        return new InputRecord(sourceName(), lineNumber, values, text);
    }

    private List<String> splitCsv(long lineNumber, String text) {
        if (text.indexOf('"') < 0) {
            return List.of(text.split(",", -1));
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw reject(lineNumber, "not one CSV record", text);
            }
            List<String> cells = new ArrayList<>();
            records.get(0).forEach(cells::add);
            return cells;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw reject(lineNumber, "not valid CSV: " + firstLine(e.getMessage()), text);
        }
    }

    private List<String> readHeader(Utf8Lines.Line line) {
        if (line.isMalformed()) {
            throw new IllegalStateException(sourceName() + " line " + line.number() + ": the CSV header cannot be read: "
                    + line.malformed());
        }
        String clean = line.text();
        List<String> names = splitCsv(line.number(), clean).stream()
                .map(s -> s == null ? "" : s.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = requiredColumns.stream().filter(c -> !names.contains(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(sourceName() + ": the CSV header lacks the required column(s) "
                    + String.join(", ", missing) + " (header: " + clean + ")");
        }
        return names;
    }

    private static boolean quotesOpen(CharSequence text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private void openFile(long skipLines) {
        closeFile();
        Path file = files.get(fileIndex);
        try {
            String first;
            try (Utf8Lines peek = Utf8Lines.open(file)) {
                Utf8Lines.Line line = peek.next(); // for auto-detection of a file whose name does not tell
                first = line == null ? null : line.text();
            }
            currentFormat = ResultFileFormat.of(format, file, first);
            in = Utf8Lines.open(file);
            header = null;
            linesConsumed = 0;
            while (linesConsumed < skipLines) {
                Utf8Lines.Line line = nextLine();
                if (line == null) {
                    break;
                }
                if (currentFormat == ResultFileFormat.CSV && header == null
                        && (line.isMalformed() || !line.text().isBlank())) {
                    header = readHeader(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Utf8Lines.Line nextLine() {
        try {
            Utf8Lines.Line line = in.next();
            if (line != null) {
                linesConsumed++;
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files.get(fileIndex) + ": " + e.getMessage(), e);
        }
    }

    private void closeFile() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only file: nothing to lose
            }
            in = null;
        }
    }

    private String sourceName() {
        return files.get(fileIndex).toString();
    }

    private RejectedLineException reject(long lineNumber, String reason, String raw) {
        return new RejectedLineException(sourceName(), lineNumber, reason, raw);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
