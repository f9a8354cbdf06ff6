package com.tradebatch.market;

import java.util.Arrays;

/** The candle intervals the trading system stores, with their length. */
public enum Interval {
    M1("1m", 60), M5("5m", 300), M15("15m", 900), H1("1h", 3_600), H4("4h", 14_400), D1("1d", 86_400);

    private final String code;
    private final long seconds;

    Interval(String code, long seconds) {
        this.code = code;
        this.seconds = seconds;
    }

    public String code() {
        return code;
    }

    public long micros() {
        return seconds * 1_000_000L;
    }

    public long seconds() {
        return seconds;
    }

    public static boolean isCode(String code) {
        return Arrays.stream(values()).anyMatch(i -> i.code.equals(code));
    }

    public static Interval of(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown interval '" + code + "' (expected one of "
                        + String.join(", ", codes()) + ")"));
    }

    public static String[] codes() {
        return Arrays.stream(values()).map(Interval::code).toArray(String[]::new);
    }

    @Override
    public String toString() {
        return code;
    }
}
