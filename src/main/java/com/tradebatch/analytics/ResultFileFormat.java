package com.tradebatch.analytics;

import java.nio.file.Path;
import java.util.Locale;

/** How a result file is written: JSON Lines or CSV with a header; {@code auto} decides by the file name. */
public enum ResultFileFormat {
    JSONL, CSV;

    /** {@code .csv} is CSV, {@code .jsonl}, {@code .ndjson} and {@code .json} are JSON Lines; otherwise the first character decides. */
    static ResultFileFormat of(String parameter, Path file, String firstLine) {
        String p = parameter == null ? "auto" : parameter.toLowerCase(Locale.ROOT);
        if (p.equals("csv")) {
            return CSV;
        }
        if (p.equals("jsonl")) {
            return JSONL;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        return firstLine != null && firstLine.stripLeading().startsWith("{") ? JSONL : CSV;
    }
}
