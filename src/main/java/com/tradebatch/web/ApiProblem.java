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

    HttpStatus status() {
        return status;
    }

    /** The request or job parameter at fault, if one is. */
    String parameter() {
        return parameter;
    }
}
