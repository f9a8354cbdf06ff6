package com.tradebatch.launch;

/** The process exit codes, as the README documents them. */
public final class ExitCode {
    /** The command did what was asked; a job COMPLETED. */
    public static final int OK = 0;
    /** A job FAILED or STOPPED, a store is not usable, or a health check found a problem. */
    public static final int FAILED = 1;
    /** Bad usage: unknown command or job, missing or invalid parameter, refused configuration. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
