package com.tradebatch.migration;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The {@code tables=} parameter: {@code all} or a comma list of legacy table names. */
final class TableSelection {

    private TableSelection() {
    }

    static Set<String> parse(String value) {
        Set<String> selected = new LinkedHashSet<>();
        for (String part : (value == null ? "all" : value).split(",")) {
            String p = part.trim();
            if (p.equals("all")) {
                selected.addAll(TableMappings.sourceNames());
            } else if (!p.isEmpty()) {
                selected.add(p);
            }
        }
        return selected;
    }

    static String[] choices() {
        return java.util.stream.Stream.concat(Arrays.stream(new String[] {"all"}), TableMappings.sourceNames().stream())
                .toArray(String[]::new);
    }
}
