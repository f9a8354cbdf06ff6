package com.tradebatch.market;

import java.nio.file.Path;

/** How one input file is read: its series, column layout, whether its first line is a header, its size. */
public record CandleFilePlan(Path file, SymbolInterval series, CandleColumns columns, boolean header, long size) {
}
