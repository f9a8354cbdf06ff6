package com.tradebatch.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import com.tradebatch.launch.JobStopper;

/**
 * While a command runs a job in the foreground, Ctrl-C (SIGINT) and SIGTERM stop it the way {@code JobOperator.stop}
 * does, instead of ending the JVM mid-chunk: the chunk in progress commits, the execution ends STOPPED and the
 * command exits 1 saying how to resume. A second signal ends the process at once (safe too: a killed run is
 * resumed the same way). Before any job has started there is nothing to stop: the process ends as usual.
 * <p>
 * {@code sun.misc.Signal} is the JDK's only way to replace the default handler (module jdk.unsupported, present in
 * every JDK since 9); a shutdown hook would run too late, with the job's thread already being torn down.
 */
final class StopOnSignal implements AutoCloseable {

    /** Exit status of a process ended by a second signal: 128 + SIGINT, as shells report it. */
    private static final int FORCED_EXIT = 130;
    private static final String[] SIGNALS = {"INT", "TERM"};

    /** Messages for the person at the terminal (stderr), like progress. */
    private static final Logger console = LoggerFactory.getLogger("tradebatch.progress");

    private final Map<Signal, SignalHandler> previous = new HashMap<>();

    private StopOnSignal(JobStopper stopper) {
        AtomicBoolean asked = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (!stopper.anyRunning() || asked.getAndSet(true)) {
                Runtime.getRuntime().exit(FORCED_EXIT);
                return;
            }
            console.warn("SIG{}: stopping at the next chunk boundary (again to quit at once)", signal.getName());
            stopper.stopAll();
        };
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, handler));
            } catch (IllegalArgumentException unsupported) {
                // this platform or JVM option (-Xrs) does not let us handle it: the default stays
            }
        }
    }

    static StopOnSignal install(JobStopper stopper) {
        return new StopOnSignal(stopper);
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
