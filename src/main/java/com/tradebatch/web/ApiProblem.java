package com.tradebatch.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and the message the client gets as problem+json. */
class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String parameter;

    ApiProblem(HttpStatus status, String message) {
        this(status, message, null);
    }

    ApiProblem(HttpStatus status, String message, String parameter) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    /** {@code value} (or {@code fallback} when the request has none) if it is 1 to {@code max}; refused otherwise. */
    static int between1And(int max, Integer value, int fallback, String parameter) {
        int n = value == null ? fallback : value;
        if (n < 1 || n > max) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, parameter + " must be between 1 and " + max + ", got " + n, parameter);
        }
        return n;
    }

    HttpStatus status() {
        return status;
    }

    /** The request or job parameter at fault, if one is. */
    String parameter() {
        return parameter;
    }
}
