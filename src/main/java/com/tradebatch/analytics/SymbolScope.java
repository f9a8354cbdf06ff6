package com.tradebatch.analytics;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code symbols=}: {@code all} (every symbol, plus the global rows with symbol NULL) or a comma list (only
 * those symbols' rows are computed and replaced; global rows are left alone, since they cover every symbol).
 */
public record SymbolScope(Set<String> symbols) {

    public static SymbolScope of(String parameter) {
        String p = parameter == null ? "" : parameter.trim();
        if (p.isEmpty() || p.equalsIgnoreCase("all")) {
            return new SymbolScope(Set.of());
        }
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(p.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(set::add);
        return new SymbolScope(Set.copyOf(set));
    }

    public boolean all() {
        return symbols.isEmpty();
    }

    public boolean includes(String symbol) {
        return all() || symbols.contains(symbol);
    }

    /** The group keys a row of this symbol counts in: the symbol, and the global group when all. */
    public List<String> groups(String symbol) {
        return all() ? Arrays.asList(symbol, null) : List.of(symbol);
    }

    public List<String> list() {
        return List.copyOf(symbols);
    }
}
