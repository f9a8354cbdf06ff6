package com.tradebatch.web;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.tradebatch.launch.AlreadyRunningException;
import com.tradebatch.launch.LaunchRefusedException;
import com.tradebatch.launch.UsageException;
import com.tradebatch.store.UrlRedaction;

/**
 * Every error of the API as {@code application/problem+json} (RFC 9457): status, title, detail (the command line's
 * message, redacted), and {@code parameter} when one parameter is at fault. Spring MVC's own errors (unknown path,
 * malformed JSON, a query parameter of the wrong type) come through {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
@ConditionalOnWebApplication
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    /** The parameter named by a message of a refusal that did not name it (the job's validator reached directly). */
    private static final Pattern PARAMETER = Pattern.compile(
            "(?:unknown parameter '([^']+)'|missing required parameter (\\S+)|parameter (\\S+?):|parameter (\\S+) given twice)");

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e) {
        return respond(e.status(), e.getMessage(), e.parameter());
    }

    @ExceptionHandler(UsageException.class)
    ResponseEntity<ProblemDetail> usage(UsageException e) {
        return respond(HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter().orElseGet(() -> parameterOf(e.getMessage())));
    }

    @ExceptionHandler(AlreadyRunningException.class)
    ResponseEntity<ProblemDetail> running(AlreadyRunningException e) {
        return respond(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    @ExceptionHandler(LaunchRefusedException.class)
    ResponseEntity<ProblemDetail> busy(LaunchRefusedException e) {
        return respond(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("API request failed: {}", e.getMessage(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, String.valueOf(e.getMessage()), null);
    }

    static ProblemDetail body(HttpStatus status, String message, String parameter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, UrlRedaction.redact(message));
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create("about:blank"));
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String message, String parameter) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, message, parameter));
    }

    static String parameterOf(String message) {
        Matcher m = PARAMETER.matcher(message == null ? "" : message);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }
}
