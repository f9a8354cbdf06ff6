package com.tradebatch.store;

import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

/** Looks up a store's DataSource and location by {@link Store}, for code that works on several stores. */
public class Stores {

    private final StoreLocations locations;
    private final Map<Store, DataSource> dataSources = new EnumMap<>(Store.class);

    public Stores(StoreLocations locations, DataSource trading, DataSource market, DataSource analytics,
            DataSource batch) {
        this.locations = locations;
        dataSources.put(Store.TRADING, trading);
        dataSources.put(Store.MARKET, market);
        dataSources.put(Store.ANALYTICS, analytics);
        dataSources.put(Store.BATCH, batch);
    }

    public DataSource dataSource(Store store) {
        return dataSources.get(store);
    }

    public StoreLocation location(Store store) {
        return locations.get(store);
    }
}
