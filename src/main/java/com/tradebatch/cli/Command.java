package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.springframework.util.ClassUtils;

import com.tradebatch.launch.ExitCode;

/** One word of the command line ({@code run}, {@code jobs}, ...), run inside the application context. */
public interface Command {

    /** The word that runs it: the class name without {@code Command}, in lower case ({@code RunCommand}: run). */
    default String name() {
        String type = ClassUtils.getUserClass(this).getSimpleName();
        return type.substring(0, type.length() - "Command".length()).toLowerCase(Locale.ROOT);
    }

    /** @return the process exit code, see {@link ExitCode} */
    int execute(List<String> args, PrintStream out);
}
