package com.tradebatch.store;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.batch.autoconfigure.BatchTransactionManager;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One DataSource and one transaction manager per store. Steps name the transaction manager of the store they
 * write. The batch store is primary so that anything in Boot that wants "the" DataSource gets the job
 * repository, never a trading database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfiguration {

    public static final String TRADING_TX = "tradingTransactionManager";
    public static final String MARKET_TX = "marketTransactionManager";
    public static final String ANALYTICS_TX = "analyticsTransactionManager";
    /**
     * Transactions of bulk writes into the market store (candle-import, pg-migrate's candles): on the market pool,
     * begun DEFERRED ({@link DeferredBeginDataSource}); their writers use the DataSource {@link #MARKET_BULK_DS}.
     */
    public static final String MARKET_BULK_TX = "marketBulkTransactionManager";
    public static final String MARKET_BULK_DS = "marketBulkDataSource";

    @Bean
    StoreLocations storeLocations(Environment env, StoreProperties props) {
        return StoreLocations.resolve(env::getProperty, props.getDefaults(), props.getBaseDir());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource tradingDataSource(StoreLocations locations, StoreProperties props) {
        return SqliteDataSourceFactory.create(locations.get(Store.TRADING), props);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource marketDataSource(StoreLocations locations, StoreProperties props) {
        return SqliteDataSourceFactory.create(locations.get(Store.MARKET), props);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource analyticsDataSource(StoreLocations locations, StoreProperties props) {
        return SqliteDataSourceFactory.create(locations.get(Store.ANALYTICS), props);
    }

    @Bean(destroyMethod = "close")
    @Primary
    @BatchDataSource
    HikariDataSource batchDataSource(StoreLocations locations, StoreProperties props) {
        // Boot's job repository reads this store while the context starts, before any migration could name a
        // broken file; checked here, a file that is not a database is one clear message, not a bean chain
        StoreFileCheck.requireDatabaseIfPresent(locations.get(Store.BATCH));
        return SqliteDataSourceFactory.create(locations.get(Store.BATCH), props);
    }

    @Bean
    JdbcTransactionManager tradingTransactionManager(@Qualifier("tradingDataSource") DataSource ds) {
        return new StoreTransactionManager(ds);
    }

    @Bean
    JdbcTransactionManager marketTransactionManager(@Qualifier("marketDataSource") DataSource ds) {
        return new StoreTransactionManager(ds);
    }

    /** The market pool as bulk writers use it: transactions on it begin DEFERRED ({@link DeferredBeginDataSource}). */
    @Bean
    DataSource marketBulkDataSource(@Qualifier("marketDataSource") DataSource ds) {
        return new DeferredBeginDataSource(ds);
    }

    @Bean
    JdbcTransactionManager marketBulkTransactionManager(@Qualifier(MARKET_BULK_DS) DataSource ds) {
        return new StoreTransactionManager(ds);
    }

    @Bean
    JdbcTransactionManager analyticsTransactionManager(@Qualifier("analyticsDataSource") DataSource ds) {
        return new StoreTransactionManager(ds);
    }

    @Bean
    @Primary
    @BatchTransactionManager
    JdbcTransactionManager batchTransactionManager(@Qualifier("batchDataSource") DataSource ds) {
        return new StoreTransactionManager(ds);
    }

    @Bean
    Stores stores(@Qualifier("tradingDataSource") DataSource trading, @Qualifier("marketDataSource") DataSource market,
            @Qualifier("analyticsDataSource") DataSource analytics, @Qualifier("batchDataSource") DataSource batch,
            StoreLocations locations) {
        return new Stores(locations, trading, market, analytics, batch);
    }
}
