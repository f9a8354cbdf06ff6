package com.tradebatch.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The values of one line of a candle file, trimmed. Candle files are read a line at a time (so a byte that is
 * not UTF-8 rejects only its own line): a line without quotes is split on commas, which is every exchange file;
 * a quoted line goes through the CSV parser. A quoted value cannot span lines in a candle file.
 */
final class CandleCsv {

    private static final CSVFormat ONE_LINE = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrim(true).get();

    private CandleCsv() {
    }

    /** @throws IllegalArgumentException when a quoted line is not one valid CSV record */
    static List<String> cells(String line) {
        if (line.indexOf('"') < 0) {
            List<String> cells = new ArrayList<>(12);
            int start = 0;
            for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
                cells.add(line.substring(start, comma).trim());
                start = comma + 1;
            }
            cells.add(line.substring(start).trim());
            return cells;
        }
        try (CSVParser parser = CSVParser.parse(line, ONE_LINE)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("not one CSV record (a quoted value cannot span lines)");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("not valid CSV: " + e.getMessage());
        }
    }
}
