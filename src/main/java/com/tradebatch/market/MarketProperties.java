package com.tradebatch.market;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.tradebatch.common.Settings;

/** {@code tradebatch.candles.*} in application.yml (where the defaults live): how candle-import commits. */
@ConfigurationProperties("tradebatch.candles")
public record MarketProperties(int chunkSize) {

    public MarketProperties {
        Settings.positive("tradebatch.candles.chunk-size", chunkSize);
    }
}
