package com.tradebatch;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.tradebatch.cli.Cli;

/** Entry point: {@code java -jar tradebatch.jar <command> ...}; see {@link Cli}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TradebatchApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err, Map.of()));
    }
}
