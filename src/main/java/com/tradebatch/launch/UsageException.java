package com.tradebatch.launch;

import java.util.Optional;

/** Bad usage: the message says what is wrong and, where it helps, what would be right. Exit code 2. */
public class UsageException extends RuntimeException {

    private final String parameter;

    public UsageException(String message) {
        this(message, null);
    }

    /** A refusal of one job parameter, named so that a schedule file can point at its line. */
    public UsageException(String message, String parameter) {
        super(message);
        this.parameter = parameter;
    }

    /** The job parameter refused, when the problem is one parameter's. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }
}
