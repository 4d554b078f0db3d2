package dev.sluice.springboot.autoconfigure;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.ServletContainer;
import dev.sluice.springboot.SluiceConnectorCustomizer;
import dev.sluice.springboot.SluiceContainerCustomizer;
import dev.sluice.springboot.SluiceServletWebServerFactory;
import jakarta.servlet.ServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.web.server.autoconfigure.servlet.ServletWebServerConfiguration;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Makes Sluice the servlet web server of a Spring Boot application that has it on the class path and no other
 * {@link ServletWebServerFactory} (exclude {@code spring-boot-starter-tomcat}). Boot's
 * {@link ServletWebServerConfiguration} applies the {@code server.*} properties; {@link SluiceSettingsCustomizer}
 * applies {@code server.sluice.*}; {@link SluiceConnectorCustomizer} and {@link SluiceContainerCustomizer} beans
 * are applied in their order.
 */
@AutoConfiguration
@ConditionalOnClass({ServletRequest.class, ServletContainer.class, HttpConnector.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ServletWebServerConfiguration.class)
public final class SluiceServletWebServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(value = ServletWebServerFactory.class, search = SearchStrategy.CURRENT)
    SluiceServletWebServerFactory sluiceServletWebServerFactory(
            ObjectProvider<SluiceConnectorCustomizer> connectorCustomizers,
            ObjectProvider<SluiceContainerCustomizer> containerCustomizers) {
        SluiceServletWebServerFactory factory = new SluiceServletWebServerFactory();
        factory.getConnectorCustomizers().addAll(connectorCustomizers.orderedStream().toList());
        factory.getContainerCustomizers().addAll(containerCustomizers.orderedStream().toList());
        return factory;
    }

    @Bean
    SluiceSettingsCustomizer sluiceSettingsCustomizer(Environment environment) {
        return new SluiceSettingsCustomizer(environment);
    }

    /** Micrometer meters of the connector, when Micrometer is on the class path (Actuator brings it). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {
        @Bean
        SluiceMetricsBinder sluiceMetricsBinder(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
            return new SluiceMetricsBinder(registry);
        }
    }
}
