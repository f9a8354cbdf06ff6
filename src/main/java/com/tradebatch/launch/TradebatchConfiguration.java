package com.tradebatch.launch;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The application context every entry point starts (command line, schedules, serve): all of tradebatch's
 * packages scanned. Kept apart from {@code TradebatchApplication} (the {@code main} method) so that the command
 * line and the context it starts do not import each other.
 */
@SpringBootApplication(scanBasePackages = "com.tradebatch")
@ConfigurationPropertiesScan("com.tradebatch")
public class TradebatchConfiguration {
}
