package com.tradebatch.market;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.tradebatch.common.EpochOrIsoTime;
import com.tradebatch.common.RejectedLineException;
import com.tradebatch.common.Utf8Lines;

/**
 * Streams candles from the planned files one after another.
 * <p>
 * Parsing runs one step ahead on a thread of its own, so that on a two-core machine reading and parsing the
 * CSV overlaps with SQLite writing the previous rows. The position saved at every commit is that of the last
 * candle handed to the step (file index, records consumed in that file), never the parser's: a restart
 * continues with the first unfinished file at the first line not yet committed. Files are read as UTF-8 a line at
 * a time ({@link Utf8Lines}): a byte order mark is dropped, a line with a byte that is not UTF-8 is a rejected line.
 */
public class CandleFileReader implements ItemStreamReader<Candle> {

    static final String FILE_INDEX = "candle.file.index";
    /** Lines consumed in the current file (physical lines, blank ones included). */
    static final String RECORDS = "candle.file.records";
    /** Parsed candles waiting for the step: enough to cover a hiccup, small enough to bound memory. */
    private static final int QUEUE_CAPACITY = 8_192;
    /** How often a read waiting for the parser looks whether the reader was closed under it or the parser died. */
    private static final long WAIT_CHECK_MILLIS = 500;

    private final List<CandleFilePlan> plans;
    private final CandleLineParser parser;
    private final long totalBytes;
    private final BlockingQueue<Parsed> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile Thread producer;
    private volatile boolean stopping;
    private volatile long bytesRead;
    // the position of the last candle handed out: what update() saves
    private int fileIndex;
    private long records;
    private boolean exhausted;

    /** One parsed record (or the reason it could not be parsed, or the end) with the position after it. */
    private record Parsed(Candle candle, RuntimeException error, int fileIndex, long records, boolean end) {
    }

    public CandleFileReader(List<CandleFilePlan> plans, EpochOrIsoTime times) {
        this.plans = plans;
        this.parser = new CandleLineParser(times);
        this.totalBytes = plans.stream().mapToLong(CandleFilePlan::size).sum();
    }

    @Override
    public void open(ExecutionContext ec) {
        fileIndex = ec.containsKey(FILE_INDEX) ? ec.getInt(FILE_INDEX) : 0;
        records = ec.containsKey(RECORDS) ? ec.getLong(RECORDS) : 0;
        exhausted = false;
        int startFile = fileIndex;
        long skip = records;
        producer = new Thread(() -> produce(startFile, skip), "candle-parser");
        producer.setDaemon(true);
        producer.start();
    }

    @Override
    public Candle read() throws InterruptedException, JobInterruptedException {
        if (exhausted) {
            return null;
        }
        Parsed p = next();
        if (p.error() instanceof ItemStreamException broken) {
            exhausted = true;
            throw broken; // the file could not be read: the position stays at the last good record
        }
        fileIndex = p.fileIndex();
        records = p.records();
        if (p.end()) {
            exhausted = true;
            return null;
        }
        if (p.error() != null) {
            throw p.error(); // a rejected line: consumed, so the position is past it
        }
        return p.candle();
    }

    /**
     * The next parsed record. Never waits forever: Spring Batch's {@code JobOperator.stop} can close the step scope,
     * and so this reader, from the stopping thread while the step's thread waits here (seen as a run that ignored
     * SIGTERM, StopSignalIT); and a parser thread ended by an Error posts nothing. Both end the read with an
     * exception instead: the chunk rolls back, the position stays at the last commit, a restart resumes from it.
     */
    private Parsed next() throws InterruptedException, JobInterruptedException {
        while (true) {
            Parsed p = queue.poll(WAIT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            if (p != null) {
                return p;
            }
            if (stopping) {
                exhausted = true;
                throw new JobInterruptedException("the candle reader was closed while the step was reading (stopped)");
            }
            Thread parser = producer;
            if (parser == null || !parser.isAlive()) {
                p = queue.poll(); // what it put just before it ended
                if (p != null) {
                    return p;
                }
                exhausted = true;
                throw new ItemStreamException("the candle parser thread ended without reaching the end of the input");
            }
        }
    }

    @Override
    public void update(ExecutionContext ec) {
        ec.putInt(FILE_INDEX, fileIndex);
        ec.putLong(RECORDS, records);
    }

    @Override
    public void close() {
        stopping = true;
        if (producer != null) {
            producer.interrupt();
            try {
                producer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer = null;
        }
        queue.clear();
    }

    /** Bytes of input parsed so far, across files (for progress). */
    public long bytesRead() {
        return bytesRead;
    }

    public long totalBytes() {
        return totalBytes;
    }

    private void produce(int startFile, long skip) {
        long before = plans.stream().limit(startFile).mapToLong(CandleFilePlan::size).sum();
        try {
            for (int f = startFile; f < plans.size() && !stopping; f++) {
                CandleFilePlan plan = plans.get(f);
                try (Utf8Lines lines = Utf8Lines.open(plan.file())) {
                    long toSkip = f == startFile ? skip : 0;
                    boolean headerPending = plan.header();
                    for (Utf8Lines.Line line = lines.next(); line != null && !stopping; line = lines.next()) {
                        bytesRead = before + lines.bytesRead();
                        boolean blank = !line.isMalformed() && line.text().isBlank();
                        if (headerPending && !blank && !line.isMalformed()) {
                            headerPending = false; // the header is the first readable line, as the inspector took it
                            continue;
                        }
                        if (line.number() <= toSkip || blank) {
                            continue;
                        }
                        Parsed parsed;
                        try {
                            parsed = new Parsed(parser.parse(plan, line), null, f, line.number(), false);
                        } catch (RejectedLineException e) {
                            parsed = new Parsed(null, e, f, line.number(), false);
                        }
                        queue.put(parsed);
                    }
                    // past the last record of a file: the next position is the start of the next file
                    if (!stopping && f + 1 < plans.size()) {
                        before += plan.size();
                    }
                } catch (IOException | RuntimeException e) {
                    queue.put(new Parsed(null, new ItemStreamException("cannot read " + plan.file() + ": "
                            + e.getMessage(), e), f, 0, false));
                    return;
                }
            }
            if (!stopping) {
                queue.put(new Parsed(null, null, plans.size(), 0, true));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the step
        }
    }
}
