package dev.sluice.springboot;

import dev.sluice.connector.HttpConnector;

/**
 * Changes the connector of a {@link SluiceServletWebServerFactory} (trusted proxies, PROXY protocol, listeners)
 * before it is built. Called on the thread that starts the web server, once per start.
 */
@FunctionalInterface
public interface SluiceConnectorCustomizer {
    void customize(HttpConnector.Builder connector);
}
