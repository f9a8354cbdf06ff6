package com.tradebatch.launch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;

/**
 * Which process runs an execution: {@code pid@host@processStartMillis}, kept in the job's execution context.
 * An execution left STARTED by a process that is gone (kill -9, power loss) can then be told apart from one
 * that is really running, and recovered before a restart.
 */
public record ExecutionOwner(long pid, String host, long startedMillis) {

    public static final String KEY = "tradebatch.owner";

    public static ExecutionOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ExecutionOwner(self.pid(), hostName(),
                self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }

    public static Optional<ExecutionOwner> of(JobExecution execution) {
        String value = execution.getExecutionContext().getString(KEY, null);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("@");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ExecutionOwner(Long.parseLong(parts[0]), parts[1], Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** False only when this machine can tell the owner process no longer exists. */
    public boolean isAlive() {
        if (!host.equals(hostName())) {
            return true; // another machine's process: not ours to judge
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> startedMillis == 0
                        || p.info().startInstant().map(Instant::toEpochMilli).orElse(startedMillis) == startedMillis)
                .isPresent();
    }

    @Override
    public String toString() {
        return pid + "@" + host + "@" + startedMillis;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
