package com.tradebatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Generated candle files with values a test can recompute: row i has open = 100 + i. */
public final class CandleFiles {

    private CandleFiles() {
    }

    /** Binance kline line (12 columns, millisecond times). */
    public static String binanceLine(long openMs, long intervalMs, int i) {
        double open = 100 + i;
        double close = open + 0.5;
        double high = close + 1;
        double low = open - 1;
        double volume = 10 + i % 7;
        return String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,%.5f,%d,%.4f,%d,%.5f,%.4f,0", openMs, open, high, low,
                close, volume, openMs + intervalMs - 1, volume * close, 5 + i % 11, volume / 2, volume * close / 2);
    }

    public static Path binance(Path file, long startMs, long intervalMs, int rows) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                w.write(binanceLine(startMs + i * intervalMs, intervalMs, i));
                w.write('\n');
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
