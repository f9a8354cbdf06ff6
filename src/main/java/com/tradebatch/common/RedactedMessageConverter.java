package com.tradebatch.common;

import com.tradebatch.store.UrlRedaction;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m} / {@code %msg} in logback-spring.xml: a log line never carries a URL's password (ours or a library's). */
public class RedactedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return UrlRedaction.redact(super.convert(event));
    }
}
