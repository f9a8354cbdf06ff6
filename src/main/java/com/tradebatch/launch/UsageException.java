package com.tradebatch.launch;

/** Bad usage: the message says what is wrong and, where it helps, what would be right. Exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
