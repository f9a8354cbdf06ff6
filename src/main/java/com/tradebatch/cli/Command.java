package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.List;
import com.tradebatch.launch.ExitCode;

/** One word of the command line ({@code run}, {@code jobs}, ...), run inside the application context. */
public interface Command {

    String name();

    /** @return the process exit code, see {@link ExitCode} */
    int execute(List<String> args, PrintStream out);
}
