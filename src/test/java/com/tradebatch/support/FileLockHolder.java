package com.tradebatch.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process holding an OS lock on a file, as a running backup holds its reserved manifest: started as a
 * separate JVM (locks are per process), it locks the file, says so, and keeps the lock until it is killed.
 */
public final class FileLockHolder implements AutoCloseable {

    private final Process process;

    private FileLockHolder(Process process) {
        this.process = process;
    }

    /** Starts the other process and returns once it holds the lock. */
    public static FileLockHolder lock(Path file) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classes;
        try {
            classes = Path.of(FileLockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Process p = new ProcessBuilder(List.of(java, "-cp", classes, FileLockHolder.class.getName(), file.toString()))
                .redirectErrorStream(true).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"locked".equals(line)) {
            p.destroyForcibly();
            throw new IOException("the lock holder did not lock " + file + ": " + line);
        }
        return new FileLockHolder(p);
    }

    /** Kills the process (SIGKILL, as a killed backup dies): the OS drops its lock. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            channel.lock();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
