package com.tradebatch.market;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Copies the import's committed WAL pages into the database file on a thread of its own while the step writes
 * (PRAGMA wal_checkpoint(PASSIVE): it never blocks the writer), so that the checkpoint work overlaps the writing
 * instead of running in the writer's commits and at close.
 */
final class WalCheckpointer implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource market;
    private final Duration interval;
    private volatile boolean running;
    private Thread thread;

    WalCheckpointer(DataSource market, Duration interval) {
        this.market = market;
        this.interval = interval;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        running = true;
        thread = new Thread(this::run, "candle-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void run() {
        try (Connection c = market.getConnection(); Statement s = c.createStatement()) {
            while (running) {
                Thread.sleep(interval.toMillis());
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        } catch (InterruptedException e) {
            // stopped by afterStep
        } catch (Exception e) {
            log.debug("background checkpoint stopped: {}", e.getMessage());
        }
    }
}
