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
 * quick_check reads every page, so a result is reused for {@link #REUSE} rather than redone at every probe.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StoreHealthContributors {

    static final Duration REUSE = Duration.ofSeconds(30);

    @Bean
    CompositeHealthContributor storesHealthContributor(StoreHealth health) {
        Map<String, HealthIndicator> byStore = new LinkedHashMap<>();
        for (Store store : Store.values()) {
            byStore.put(store.key(), new Cached(health, store));
        }
        return CompositeHealthContributor.fromMap(byStore);
    }

    private static final class Cached implements HealthIndicator {
        private final StoreHealth health;
        private final Store store;
        private volatile long checkedAt;
        private volatile Health last;

        Cached(StoreHealth health, Store store) {
            this.health = health;
            this.store = store;
        }

        @Override
        public Health health() {
            long now = System.nanoTime();
            if (last == null || now - checkedAt > REUSE.toNanos()) {
                StoreHealth.StoreState state = health.check(store);
                last = state.connected() ? Health.up().build()
                        : Health.down().withDetail("error", state.error()).build();
                checkedAt = now;
            }
            return last;
        }
    }
}
