package com.tradebatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tradebatch.support.ShippedDefaults;

class StoreLocationsTest {

    private static final Path BASE = Path.of("/srv/trader");
    private final Map<String, String> env = new HashMap<>();

    private StoreLocations resolve() {
        return StoreLocations.resolve(env::get, ShippedDefaults.bind("tradebatch.store", StoreProperties.class).getDefaults(), BASE);
    }

    @Test
    void defaultsAreTheFourFilesUnderDataInTheWorkingDirectory() {
        StoreLocations l = resolve();
        assertThat(l.get(Store.TRADING).file()).isEqualTo(Path.of("/srv/trader/data/trading.db"));
        assertThat(l.get(Store.MARKET).file()).isEqualTo(Path.of("/srv/trader/data/market_data.db"));
        assertThat(l.get(Store.ANALYTICS).file()).isEqualTo(Path.of("/srv/trader/data/analytics.db"));
        assertThat(l.get(Store.BATCH).file()).isEqualTo(Path.of("/srv/trader/data/batch.db"));
        assertThat(l.get(Store.TRADING).source()).isEqualTo("default");
    }

    @Test
    void acceptsSqlalchemyRelativeAndAbsoluteAndJdbcForms() {
        env.put("TRADING_DATABASE_URL", "sqlite:///./db/t.db");
        env.put("MARKET_DATABASE_URL", "sqlite:////var/lib/m.db");
        env.put("ANALYTICS_DATABASE_URL", "jdbc:sqlite:/var/lib/a.db");
        env.put("BATCH_DATABASE_URL", "jdbc:sqlite:rel/b.db");
        StoreLocations l = resolve();
        assertThat(l.get(Store.TRADING).file()).isEqualTo(Path.of("/srv/trader/db/t.db"));
        assertThat(l.get(Store.MARKET).file()).isEqualTo(Path.of("/var/lib/m.db"));
        assertThat(l.get(Store.ANALYTICS).file()).isEqualTo(Path.of("/var/lib/a.db"));
        assertThat(l.get(Store.BATCH).file()).isEqualTo(Path.of("/srv/trader/rel/b.db"));
        assertThat(l.get(Store.MARKET).source()).isEqualTo("MARKET_DATABASE_URL");
    }

    @Test
    void legacyDatabaseUrlWithSqliteMeansTrading() {
        env.put("DATABASE_URL", "sqlite:///./legacy.db");
        StoreLocation trading = resolve().get(Store.TRADING);
        assertThat(trading.file()).isEqualTo(Path.of("/srv/trader/legacy.db"));
        assertThat(trading.source()).isEqualTo("DATABASE_URL");
    }

    @Test
    void tradingVariableWinsOverLegacyDatabaseUrl() {
        env.put("DATABASE_URL", "sqlite:///./legacy.db");
        env.put("TRADING_DATABASE_URL", "sqlite:///./new.db");
        assertThat(resolve().get(Store.TRADING).file()).isEqualTo(Path.of("/srv/trader/new.db"));
    }

    @Test
    void legacyPostgresUrlIsTheMigrationSourceNotAnError() {
        env.put("DATABASE_URL", "postgresql://trader:secret@db:5432/trading");
        assertThat(resolve().get(Store.TRADING).file()).isEqualTo(Path.of("/srv/trader/data/trading.db"));
        assertThat(StoreLocations.legacyPostgresUrl(env::get)).contains("postgresql://trader:secret@db:5432/trading");
    }

    @Test
    void otherUrlsAreRefusedNamingTheVariable() {
        env.put("MARKET_DATABASE_URL", "postgresql://u:p@h/db");
        assertThatThrownBy(this::resolve).isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("MARKET_DATABASE_URL");
        env.clear();
        env.put("ANALYTICS_DATABASE_URL", "mysql://h/db");
        assertThatThrownBy(this::resolve).hasMessageContaining("ANALYTICS_DATABASE_URL").hasMessageContaining("mysql://h/db");
        env.clear();
        env.put("DATABASE_URL", "mysql://h/db");
        assertThatThrownBy(this::resolve).hasMessageContaining("DATABASE_URL");
    }

    @Test
    void malformedAndInMemorySqliteUrlsAreRefused() {
        env.put("TRADING_DATABASE_URL", "sqlite://data/t.db");
        assertThatThrownBy(this::resolve).hasMessageContaining("TRADING_DATABASE_URL").hasMessageContaining("three slashes");
        env.put("TRADING_DATABASE_URL", "sqlite:///:memory:");
        assertThatThrownBy(this::resolve).hasMessageContaining("in-memory");
        env.put("TRADING_DATABASE_URL", "jdbc:sqlite:");
        assertThatThrownBy(this::resolve).hasMessageContaining("TRADING_DATABASE_URL");
    }

    @Test
    void twoStoresOnOneFileAreRefused() {
        env.put("MARKET_DATABASE_URL", "sqlite:///./data/trading.db");
        assertThatThrownBy(this::resolve).hasMessageContaining("MARKET_DATABASE_URL").hasMessageContaining("own file");
    }
}
