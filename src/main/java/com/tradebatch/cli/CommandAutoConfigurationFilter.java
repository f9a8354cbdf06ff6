package com.tradebatch.cli;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps the web server, Spring MVC, security, the actuator and metrics (and the auto-configurations listed below
 * that only the web side could use) out of every command but {@code serve}
 * (registered in {@code META-INF/spring.factories}): a command is a short process, and each of those
 * auto-configurations would cost it start time for nothing. Decided by the web application type {@link Cli}
 * sets ({@code none} for every command, {@code servlet} for {@code serve} with HTTP on).
 */
public class CommandAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final List<String> SERVE_ONLY = List.of(
            "org.springframework.boot.actuate.",
            "org.springframework.boot.health.",
            "org.springframework.boot.micrometer.",
            "org.springframework.boot.security.",
            "org.springframework.boot.webmvc.",
            "org.springframework.boot.tomcat.",
            "org.springframework.boot.servlet.",
            "org.springframework.boot.web.",
            "org.springframework.boot.http.",
            "org.springframework.boot.batch.autoconfigure.observation.",
            // what no command uses (README.md, "Start time"): tradebatch's beans build their own JdbcTemplates and
            // JSON mappers, declare no @Transactional (Batch's operator and repository carry their own transaction
            // proxies), schedule nothing through Spring's executors; each one costs a command bean definitions and
            // its post-processors (the auto-proxy creator inspects every bean for transaction annotations)
            "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
            "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
            "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
        boolean command = environment == null || "none".equals(environment
                .getProperty(Cli.WEB_APPLICATION_TYPE, "none").trim().toLowerCase(Locale.ROOT));
        boolean[] keep = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            String c = candidates[i];
            keep[i] = c == null || !command || SERVE_ONLY.stream().noneMatch(c::startsWith);
        }
        return keep;
    }
}
