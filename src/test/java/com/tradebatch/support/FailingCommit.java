package com.tradebatch.support;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A fault injected between the batch store's commit and the data's: the named store's transaction manager fails
 * its n-th commit (the transaction is rolled back, as SQLite does on SQLITE_FULL or an I/O error at commit).
 * By then Spring Batch has already saved the step's position and counts in the batch store. Pass this class as an
 * extra source of {@link TestEnvironment#runWith}; arm it before the run.
 */
@Configuration(proxyBeanMethods = false)
public class FailingCommit {

    private static volatile String beanName;
    private static volatile int failAt;
    private static final AtomicInteger commits = new AtomicInteger();

    /** The {@code n}-th commit (1-based) of transaction manager {@code bean} fails, once. */
    public static void arm(String bean, int n) {
        beanName = bean;
        failAt = n;
        commits.set(0);
    }

    public static void disarm() {
        beanName = null;
    }

    @Bean
    static BeanPostProcessor failingCommitInjector() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (name.equals(beanName) && bean instanceof JdbcTransactionManager real) {
                    Failing failing = new Failing(real.getDataSource());
                    // as configured for the store: whether a failed commit is rolled back is part of what is tested
                    failing.setRollbackOnCommitFailure(real.isRollbackOnCommitFailure());
                    return failing;
                }
                return bean;
            }
        };
    }

    private static final class Failing extends JdbcTransactionManager {
        Failing(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            if (beanName != null && commits.incrementAndGet() == failAt) {
                throw new TransactionSystemException("injected fault: commit " + failAt + " failed");
            }
            super.doCommit(status);
        }
    }
}
