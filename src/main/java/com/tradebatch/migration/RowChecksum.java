package com.tradebatch.migration;

/**
 * An order-independent checksum over mapped values: each row's values are hashed in one canonical form (numbers as
 * SQLite gives them back: integral REALs as integers, other REALs by their bits; text by its characters; FNV-1a 64,
 * then mixed), and the row hashes summed.
 * The same rows in any order give the same checksum; one changed value changes it.
 */
final class RowChecksum {

    private RowChecksum() {
    }

    static String canonical(Object v) {
        if (v == null) {
            return "\u0000null";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 9.0e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        if (v instanceof Float f) {
            return canonical(f.doubleValue());
        }
        if (v instanceof Number n) {
            return Long.toString(n.longValue());
        }
        return v.toString();
    }

    static long hash(Object[] values, int[] positions) {
        long h = 0xcbf29ce484222325L;
        for (int p : positions) {
            Object v = values[p];
            if (v instanceof Float f) {
                v = f.doubleValue();
            }
            if (v instanceof Double d && !(d == Math.rint(d) && Math.abs(d) < 9.0e15)) {
                // a non-integral REAL: its bits (what SQLite stores), without formatting it as text
                h = mix(h, 'R');
                h = mix(h, Double.doubleToLongBits(d));
            } else if (v instanceof Number n) {
                h = mix(h, 'I');
                h = mix(h, n.longValue());
            } else if (v == null) {
                h = mix(h, 'N');
            } else {
                String s = v.toString();
                h = mix(h, 'T');
                for (int i = 0; i < s.length(); i++) {
                    h ^= s.charAt(i);
                    h *= 0x100000001b3L;
                }
            }
            h ^= 0x1f;
            h *= 0x100000001b3L;
        }
        // splitmix64 finaliser: spreads the bits so that summing row hashes does not cancel
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ h >>> 31;
    }

    private static long mix(long h, long v) {
        return (h ^ v) * 0x100000001b3L;
    }

    static String hex(long checksum) {
        return String.format("%016x", checksum);
    }
}
