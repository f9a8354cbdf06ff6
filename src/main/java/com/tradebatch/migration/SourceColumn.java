package com.tradebatch.migration;

/**
 * A column of a legacy table as PostgreSQL's catalog describes it.
 *
 * @param type  {@code format_type} of the column ({@code numeric(18,8)}, {@code timestamp with time zone}, ...)
 * @param kind  how its values convert (see {@link SourceType})
 * @param scale declared scale of a numeric column, -1 when none is declared
 */
public record SourceColumn(String name, String type, SourceType kind, int scale) {
}
