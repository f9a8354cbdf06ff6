package com.tradebatch.market;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams candles from the planned files one after another. Its position (file index, records consumed in
 * that file) is saved at every commit, so a restart continues with the first unfinished file, at the first
 * record not yet committed.
 */
public class CandleFileReader implements ItemStreamReader<Candle> {

    static final String FILE_INDEX = "candle.file.index";
    static final String RECORDS = "candle.file.records";

    private final List<CandleFilePlan> plans;
    private final CandleLineParser parser;
    private final long totalBytes;
    private int fileIndex;
    private long records;
    private long bytesBefore;
    private CountingStream stream;
    private CSVParser csv;
    private Iterator<CSVRecord> rows;

    public CandleFileReader(List<CandleFilePlan> plans, TimeUnitMode timeUnit) {
        this.plans = plans;
        this.parser = new CandleLineParser(timeUnit);
        this.totalBytes = plans.stream().mapToLong(CandleFilePlan::size).sum();
    }

    @Override
    public void open(ExecutionContext ec) {
        fileIndex = ec.containsKey(FILE_INDEX) ? ec.getInt(FILE_INDEX) : 0;
        long skip = ec.containsKey(RECORDS) ? ec.getLong(RECORDS) : 0;
        bytesBefore = plans.stream().limit(fileIndex).mapToLong(CandleFilePlan::size).sum();
        if (fileIndex < plans.size()) {
            openFile();
            while (records < skip && rows.hasNext()) {
                rows.next();
                records++;
            }
        }
    }

    @Override
    public Candle read() {
        while (fileIndex < plans.size()) {
            if (rows.hasNext()) {
                CSVRecord r = rows.next();
                records++;
                if (records == 1 && plans.get(fileIndex).header()) {
                    continue;
                }
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue; // blank line
                }
                return parser.parse(plans.get(fileIndex), r);
            }
            closeFile();
            bytesBefore += plans.get(fileIndex).size();
            fileIndex++;
            if (fileIndex < plans.size()) {
                openFile();
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext ec) {
        ec.putInt(FILE_INDEX, fileIndex);
        ec.putLong(RECORDS, records);
    }

    @Override
    public void close() {
        closeFile();
    }

    /** Bytes of input consumed so far, across files (for progress). */
    public long bytesRead() {
        CountingStream s = stream;
        return bytesBefore + (s == null ? 0 : s.count);
    }

    public long totalBytes() {
        return totalBytes;
    }

    private void openFile() {
        CandleFilePlan plan = plans.get(fileIndex);
        try {
            stream = new CountingStream(Files.newInputStream(plan.file()));
            csv = CandleFileInspector.CSV.parse(new InputStreamReader(stream, StandardCharsets.UTF_8));
            rows = csv.iterator();
            records = 0;
        } catch (IOException e) {
            throw new ItemStreamException("cannot open " + plan.file() + ": " + e.getMessage(), e);
        }
    }

    private void closeFile() {
        try {
            if (csv != null) {
                csv.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            csv = null;
            stream = null;
        }
    }

    /** Counts the bytes the CSV parser has pulled from the file. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(new java.io.BufferedInputStream(in, 1 << 16));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
