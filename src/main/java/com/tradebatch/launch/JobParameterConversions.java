package com.tradebatch.launch;

import java.nio.file.Path;

import org.springframework.boot.batch.autoconfigure.BatchConversionServiceCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/**
 * Lets the job repository store and read back {@link Path} parameters ({@code file=}): it keeps each value as
 * text beside its Java type, and Spring's default conversions know no Path. The other declared types (Long, Double,
 * Boolean, LocalDate, String) are converted by Spring Batch itself.
 */
@Configuration(proxyBeanMethods = false)
class JobParameterConversions {

    @Bean
    BatchConversionServiceCustomizer pathParameters() {
        return conversions -> {
            conversions.addConverter(Path.class, String.class, (Converter<Path, String>) Path::toString);
            conversions.addConverter(String.class, Path.class, (Converter<String, Path>) Path::of);
        };
    }
}
