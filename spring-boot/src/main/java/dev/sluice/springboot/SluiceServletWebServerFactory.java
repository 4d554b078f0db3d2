package dev.sluice.springboot;

import dev.sluice.connector.HttpConnector;
import dev.sluice.connector.TlsConfig;
import dev.sluice.core.Limits;
import dev.sluice.core.TrustedProxies;
import dev.sluice.servlet.ServletContainer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerException;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.server.servlet.ServletWebServerSettings;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * Spring Boot's {@link org.springframework.boot.web.server.servlet.ServletWebServerFactory} for Sluice: the
 * application becomes one embedded webapp of a {@link ServletContainer}, served by an {@link HttpConnector}.
 * {@link #getWebServer} deploys the webapp (Boot's initializers register the DispatcherServlet and the filters
 * then, on the calling thread); {@link WebServer#start()} binds the port.
 *
 * <p>What Boot's {@code server.*} properties set arrives through the setters of the base classes; Sluice's own
 * limits ({@code server.sluice.*}) through {@link #setLimits} and {@link #addContainerSetting}. Not thread safe:
 * configured by one thread before {@link #getWebServer}.
 */
public class SluiceServletWebServerFactory extends AbstractConfigurableWebServerFactory
        implements ConfigurableServletWebServerFactory {
    private static final Log LOG = LogFactory.getLog(SluiceServletWebServerFactory.class);

    private final ServletWebServerSettings settings = new ServletWebServerSettings();
    private Limits limits = Limits.DEFAULTS;
    private TrustedProxies trustedProxies = TrustedProxies.NONE;
    private final Map<String, String> containerSettings = new LinkedHashMap<>();
    private final List<SluiceConnectorCustomizer> connectorCustomizers = new ArrayList<>();
    private final List<SluiceContainerCustomizer> containerCustomizers = new ArrayList<>();

    public SluiceServletWebServerFactory() {
    }

    public SluiceServletWebServerFactory(int port) {
        super(port);
    }

    @Override
    public ServletWebServerSettings getSettings() {
        return settings;
    }

    /** The connector's limits ({@code maxThreads}, {@code acceptQueue}, ...); default {@link Limits#DEFAULTS}. */
    public Limits getLimits() {
        return limits;
    }

    public void setLimits(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The peers whose Forwarded and X-Forwarded-* fields are believed (the client, scheme and host they report
     * become the request's); default {@link TrustedProxies#NONE}.
     */
    public void setTrustedProxies(TrustedProxies trustedProxies) {
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    public TrustedProxies getTrustedProxies() {
        return trustedProxies;
    }

    /**
     * A container setting in its text form, as {@code conf/sluice.properties} gives it ({@code maxFormBytes},
     * {@code allowTrace}, a container module's key); checked when the server is created.
     */
    public void addContainerSetting(String key, String value) {
        containerSettings.put(key, value);
    }

    public List<SluiceConnectorCustomizer> getConnectorCustomizers() {
        return connectorCustomizers;
    }

    public void addConnectorCustomizers(SluiceConnectorCustomizer... customizers) {
        connectorCustomizers.addAll(List.of(customizers));
    }

    public List<SluiceContainerCustomizer> getContainerCustomizers() {
        return containerCustomizers;
    }

    public void addContainerCustomizers(SluiceContainerCustomizer... customizers) {
        containerCustomizers.addAll(List.of(customizers));
    }

    @Override
    public WebServer getWebServer(ServletContextInitializer... initializers) {
        warnAboutUnsupported();
        // TLS first: a key store that cannot be read fails the start before the application is deployed.
        boolean tls = Ssl.isEnabled(getSsl());
        TlsConfig tlsConfig = tls ? new BootTls(getSslBundle(), sslServerNames(), getSsl().getClientAuth())
                .config() : null;
        ServletContainer container = createContainer();
        try {
            container.deploy(new WebappDefinition(settings, getErrorPages(), getCompression(), LOG)
                    .build(initializers));
        } catch (IOException | RuntimeException e) {
            container.close();
            throw new WebServerException("Unable to start the Sluice webapp: " + e.getMessage(), e);
        }
        boolean graceful = getShutdown() == Shutdown.GRACEFUL;
        // Immediate shutdown closes connections at once; graceful waits up to the drainTimeout limit.
        Limits connectorLimits = graceful ? limits : limits.toBuilder().drainTimeout(Duration.ZERO).build();
        InetAddress address = getAddress();
        String host = address == null ? "0.0.0.0" : address.getHostAddress();
        int port = Math.max(getPort(), 0);
        SluiceWebServer.ConnectorFactory connectors = () -> {
            HttpConnector.Builder b = HttpConnector.builder().name("sluice").host(host).limits(connectorLimits)
                    .handler(container).serverName(getServerHeader() == null ? "Sluice" : getServerHeader())
                    .trustedProxies(trustedProxies);
            if (tls) {
                b.port(-1).https(port, tlsConfig);
            } else {
                b.port(port);
            }
            connectorCustomizers.forEach(c -> c.customize(b));
            return b.build();
        };
        LOG.info("Sluice initialized with port " + port + (tls ? " (https)" : " (http)"));
        return new SluiceWebServer(container, connectors, tls, graceful, connectorLimits.drainTimeout(),
                settings.getContextPath().toString(), port);
    }

    /** Settings Boot offers that this server does not apply yet: said once at start, not silently dropped. */
    private void warnAboutUnsupported() {
        if (getHttp2() != null && getHttp2().isEnabled()) {
            LOG.warn("server.http2.enabled is not supported by Sluice's Spring Boot starter yet; serving HTTP/1.1");
        }
        if (settings.getSession().isPersistent()) {
            LOG.warn("server.servlet.session.persistent is not supported on Sluice; sessions end with the server");
        }
        if (!settings.getCookieSameSiteSuppliers().isEmpty()) {
            LOG.warn("CookieSameSiteSupplier beans are not applied on Sluice; set SameSite on the cookies");
        }
    }

    private Map<String, org.springframework.boot.ssl.SslBundle> sslServerNames() {
        return getSsl().getServerNameBundles().isEmpty() ? Map.of() : getServerNameSslBundles();
    }

    private ServletContainer createContainer() {
        ServletContainer.Builder b = ServletContainer.builder().serverInfo("Sluice/0.1 (Spring Boot)");
        containerSettings.forEach(b::setting);
        containerCustomizers.forEach(c -> c.customize(b));
        return b.build();
    }
}
