package com.tradebatch;

import java.util.Map;

import com.tradebatch.cli.Cli;

/** Entry point: {@code java -jar tradebatch.jar <command> ...}; see {@link Cli}. */
public final class TradebatchApplication {

    private TradebatchApplication() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err, Map.of()));
    }
}
