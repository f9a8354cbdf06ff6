package com.tradebatch.common;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

import com.tradebatch.store.UrlRedaction;

import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %wEx} in logback-spring.xml: the messages in a logged stack trace are redacted like the log line. */
public class RedactedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return UrlRedaction.redact(super.convert(event));
    }
}
