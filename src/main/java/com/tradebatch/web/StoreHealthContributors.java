package com.tradebatch.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.tradebatch.launch.StoreHealth;
import com.tradebatch.store.Store;

/**
 * {@code /actuator/health}: one contributor per store ({@code stores.trading}, {@code stores.market}, ...), UP when
 * the store is connected in the sense of {@code health} ({@link StoreHealth}: opens, current schema, quick_check).
 * quick_check reads every page, so a result is reused for {@code tradebatch.http.health-cache} rather than redone at every probe.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StoreHealthContributors {

    @Bean
    CompositeHealthContributor storesHealthContributor(StoreHealth health, ApiProperties props) {
        Map<String, HealthIndicator> byStore = new LinkedHashMap<>();
        for (Store store : Store.values()) {
            byStore.put(store.key(), new Cached(health, store, props.healthCache()));
        }
        return CompositeHealthContributor.fromMap(byStore);
    }

    private static final class Cached implements HealthIndicator {
        private final StoreHealth health;
        private final Store store;
        private final Duration reuse;
        private volatile long checkedAt;
        private volatile Health last;

        Cached(StoreHealth health, Store store, Duration reuse) {
            this.health = health;
            this.store = store;
            this.reuse = reuse;
        }

        @Override
        public Health health() {
            long now = System.nanoTime();
            if (last == null || now - checkedAt > reuse.toNanos()) {
                StoreHealth.StoreState state = health.check(store);
                last = state.connected() ? Health.up().build()
                        : Health.down().withDetail("error", state.error()).build();
                checkedAt = now;
            }
            return last;
        }
    }
}
