package dev.sluice.springboot;

import dev.sluice.servlet.ServletContainer;

/**
 * Changes the servlet container of a {@link SluiceServletWebServerFactory} (a realm, container modules, settings)
 * before it is built. Called once, from {@code getWebServer}.
 */
@FunctionalInterface
public interface SluiceContainerCustomizer {
    void customize(ServletContainer.Builder container);
}
