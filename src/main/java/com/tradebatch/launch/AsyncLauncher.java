package com.tradebatch.launch;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Launches through {@link JobRunner} (same resume semantics as {@code run} and {@code restart}) on a thread of its
 * own and returns as soon as the execution exists, while the job goes on. A job with the same parameters already
 * being launched or run here is refused ({@link AlreadyRunningException}) before it reaches Spring Batch, so two
 * simultaneous requests never make two runs; {@link JobRunner} refuses one running in another live process.
 * <p>
 * Each launch holds a thread for its job's whole run, so the pool is bounded ({@code tradebatch.launch.max-running})
 * and has no queue: a launch waiting behind a job of hours would time out anyway. When every thread is busy the
 * launch is refused at once ({@link LaunchRefusedException}, HTTP 503).
 */
@Component
public class AsyncLauncher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AsyncLauncher.class);
    /** How long a launch may take to create its execution (migrations, a busy batch store). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration HANDOVER = Duration.ofSeconds(1);

    private final JobRunner runner;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private final int maxRunning;
    private final ThreadPoolExecutor pool;

    public AsyncLauncher(JobRunner runner, LaunchProperties properties) {
        this.runner = runner;
        this.maxRunning = properties.maxRunning();
        // threads come and go with the runs (none kept while idle); a hand-off queue: no launch waits for a thread
        this.pool = new ThreadPoolExecutor(0, maxRunning, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "launch-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Launches (or resumes) the job with these validated parameters; returns the execution once it exists. */
    public JobExecution run(String job, Map<String, String> values) {
        return submit(job, values, () -> runner.run(job, values));
    }

    /** Restarts a failed, stopped or crashed execution; returns the new execution once it exists. */
    public JobExecution restart(long executionId) {
        JobExecution execution = runner.execution(executionId);
        return submit(execution.getJobInstance().getJobName(), JobRunner.userParameters(execution.getJobParameters()),
                () -> runner.restart(executionId));
    }

    /** Whether a launch of this process is still going (its job may be finishing its last repository update). */
    public boolean idle() {
        return inFlight.isEmpty();
    }

    private JobExecution submit(String job, Map<String, String> values, Supplier<JobExecution> launch) {
        String key = job + " " + new TreeMap<>(values);
        if (!claim(key)) {
            throw new AlreadyRunningException(job + " with these parameters is already running in this process");
        }
        CompletableFuture<JobExecution> started = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                LiveExecutions.onStartOfThisThread(started::complete);
                try {
                    JobExecution done = launch.get();
                    started.complete(done);
                } catch (RuntimeException | Error e) {
                    if (!started.completeExceptionally(e)) {
                        log.error("{} ended with an error: {}", job, e.getMessage(), e);
                    }
                } finally {
                    LiveExecutions.onStartOfThisThread(null);
                    inFlight.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(key);
            throw new LaunchRefusedException(job + " not launched: " + maxRunning + " job(s) launched over HTTP are"
                    + " already running, the most this process runs at once (tradebatch.launch.max-running); try"
                    + " again when one has ended");
        } catch (RuntimeException e) {
            inFlight.remove(key);
            throw e;
        }
        try {
            return started.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(job + " could not start: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(job + " did not start within " + START_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + job + " was starting", e);
        }
    }

    /** A run that just ended may still be leaving its thread: a moment's grace before calling it running. */
    private boolean claim(String key) {
        long deadline = System.nanoTime() + HANDOVER.toNanos();
        while (!inFlight.add(key)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
