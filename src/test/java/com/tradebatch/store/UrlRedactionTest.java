package com.tradebatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.common.RedactedMessageConverter;
import com.tradebatch.common.RedactedThrowableConverter;
import com.tradebatch.support.ShippedDefaults;
import com.tradebatch.support.TestEnvironment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

/** A URL's password never reaches a message, whatever form the URL has and wherever it is printed. */
class UrlRedactionTest {

    @TempDir
    Path dir;

    @Test
    void passwordsOfUserInfoAndOfUrlOptionsAreMasked() {
        assertThat(UrlRedaction.redact("postgresql://bob:S3cret@host/db")).isEqualTo("postgresql://bob:***@host/db");
        assertThat(UrlRedaction.redact("postgresql+psycopg2://bob:p@ss:w0rd@host:5432/db?sslmode=require"))
                .isEqualTo("postgresql+psycopg2://bob:***@host:5432/db?sslmode=require");
        assertThat(UrlRedaction.redact("jdbc:sqlite:x.db?password=S3cret&user=x")).isEqualTo("jdbc:sqlite:x.db?password=***&user=x");
        assertThat(UrlRedaction.redact("jdbc:postgresql://h/db?user=x&PASSWORD=S3cret")).isEqualTo("jdbc:postgresql://h/db?user=x&PASSWORD=***");
        assertThat(UrlRedaction.redact("cannot reach postgres://a:b@h/db (timeout), retry postgres://a:c@h/db"))
                .isEqualTo("cannot reach postgres://a:***@h/db (timeout), retry postgres://a:***@h/db");
    }

    @Test
    void textWithoutPasswordsIsLeftAlone() {
        for (String s : new String[] {"sqlite:////var/lib/x.db", "sqlite:///./data/trading.db", "postgresql://bob@host/db",
                "jdbc:sqlite:/srv/a:b/x.db", "a time 10:15:00@UTC", "mailto:someone@example.com"}) {
            assertThat(UrlRedaction.redact(s)).isEqualTo(s);
        }
        assertThat(UrlRedaction.redact(null)).isNull();
    }

    @Test
    void aKnownPasswordIsMaskedToo() {
        assertThat(UrlRedaction.redact("FATAL: password authentication failed (hunter2)", "hunter2"))
                .isEqualTo("FATAL: password authentication failed (***)");
    }

    @Test
    void logLinesAndTheirStackTracesAreRedacted() {
        LoggingEvent event = new LoggingEvent(getClass().getName(), new LoggerContext().getLogger("x"), Level.WARN,
                "connecting to {}", new IllegalStateException("refused: postgresql://bob:S3cret@host/db"),
                new Object[] {"postgresql://bob:S3cret@host/db"});
        assertThat(new RedactedMessageConverter().convert(event)).isEqualTo("connecting to postgresql://bob:***@host/db");
        RedactedThrowableConverter traces = new RedactedThrowableConverter();
        traces.start();
        assertThat(traces.convert(event)).contains("refused: postgresql://bob:***@host/db").doesNotContain("S3cret");
    }

    @Test
    void refusedStoreUrlsNameTheVariableWithoutThePassword() {
        Map<String, String> env = new HashMap<>();
        env.put("TRADING_DATABASE_URL", "postgresql://bob:S3cret@host/db");
        assertThatThrownBy(() -> StoreLocations.resolve(env::get, ShippedDefaults.bind("tradebatch.store", StoreProperties.class).getDefaults(), dir))
                .hasMessageContaining("TRADING_DATABASE_URL=postgresql://bob:***@host/db")
                .hasMessageNotContaining("S3cret");
        env.put("TRADING_DATABASE_URL", "jdbc:sqlite:./data/t.db?password=S3cret&user=x");
        assertThatThrownBy(() -> StoreLocations.resolve(env::get, ShippedDefaults.bind("tradebatch.store", StoreProperties.class).getDefaults(), dir))
                .hasMessageContaining("TRADING_DATABASE_URL").hasMessageNotContaining("S3cret");
        env.clear();
        env.put("DATABASE_URL", "mysql://bob:S3cret@host/db");
        assertThatThrownBy(() -> StoreLocations.resolve(env::get, ShippedDefaults.bind("tradebatch.store", StoreProperties.class).getDefaults(), dir))
                .hasMessageContaining("DATABASE_URL").hasMessageNotContaining("S3cret");
    }

    @Test
    void theCommandLineAndTheLogShowNoPasswordOfARefusedUrl() throws Exception {
        for (String url : new String[] {"postgresql://bob:S3cret@host/db", "jdbc:sqlite:./data/t.db?password=S3cret&user=x"}) {
            TestEnvironment env = new TestEnvironment(dir).set("TRADING_DATABASE_URL", url);

            for (String[] command : new String[][] {{"run", "db-stats"}, {"health"}}) {
                TestEnvironment.Result result = env.run(command);

                assertThat(result.exitCode()).as(result.toString()).isNotZero();
                assertThat(result.err()).as(result.toString()).contains("TRADING_DATABASE_URL");
                assertThat(result.out() + result.err()).doesNotContain("S3cret");
            }
        }
        Path log = dir.resolve("logs/tradebatch.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain("S3cret");
        }
    }
}
