package com.tradebatch.migration;

/** What a mapped table derives in Java from the values read (close_time from the interval, ids from UUIDs). */
@FunctionalInterface
public interface RowTransform {

    RowTransform NONE = row -> {
    };

    void apply(MigrationRow row);
}
