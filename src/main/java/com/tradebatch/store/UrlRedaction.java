package com.tradebatch.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that takes passwords out of text that is about to be printed, logged or thrown: the password of
 * a URL's user info ({@code postgresql://bob:secret@host/db}) and password options in a query string
 * ({@code ?password=secret}), wherever they occur in the text, so a whole message can be passed through.
 */
public final class UrlRedaction {

    static final String MASK = "***";

    /** scheme://user:password@ : the password runs to the last '@' before the path. */
    private static final Pattern USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.\\-]*://[^\\s/:@]*):([^\\s/]*)@");

    /** password=..., pass=..., pwd=..., sslpassword=... as URL options (also ';' separated, as some drivers take them). */
    private static final Pattern OPTION = Pattern.compile("(?i)([?&;](?:password|passwd|pass|pwd|sslpassword)=)[^&;\\s#]*");

    private UrlRedaction() {
    }

    /** The text with every URL password replaced by {@value #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String noUserInfo = USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        return OPTION.matcher(noUserInfo).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /**
     * Also removes a password known apart from any URL (from {@code PGPASSWORD} or a password file, say), for a
     * driver message that may have picked it up.
     */
    public static String redact(String text, String secret) {
        String redacted = redact(text);
        return redacted == null || secret == null || secret.isEmpty() ? redacted : redacted.replace(secret, MASK);
    }
}
