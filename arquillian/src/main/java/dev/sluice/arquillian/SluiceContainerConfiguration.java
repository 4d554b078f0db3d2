package dev.sluice.arquillian;

import dev.sluice.core.Limits;
import dev.sluice.servlet.ServletContainer;
import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * Settings of the embedded container, from the {@code <configuration>} of {@code arquillian.xml}:
 * <pre>{@code
 * <container qualifier="sluice" default="true">
 *   <configuration>
 *     <property name="bindAddress">127.0.0.1</property>
 *     <property name="bindHttpPort">0</property>              <!-- 0: a free port -->
 *     <property name="limits">maxThreads=8, acceptQueue=16</property>
 *     <!-- servlet adapter settings; each one left out keeps the adapter's default -->
 *     <property name="serverInfo">Sluice/test</property>      <!-- ServletContext.getServerInfo -->
 *     <property name="allowTrace">true</property>             <!-- TRACE reaches servlets; default off: 405 -->
 *     <property name="maxParameterCount">1000</property>      <!-- more parameters: 400 -->
 *     <property name="maxFormBytes">2097152</property>        <!-- larger urlencoded form: 413 -->
 *     <property name="maxConcurrentRequests">0</property>     <!-- per webapp, past it 503; 0 is off -->
 *     <property name="retryAfterSeconds">1</property>         <!-- Retry-After of that 503 -->
 *     <!-- users and roles for BASIC and FORM login, HttpServletRequest.login; none: login refused (403) -->
 *     <property name="users">j2ee:j2ee:Administrator,Employee; javajoe:javajoe:Manager,Employee</property>
 *     <property name="realmFile">/path/to/realm.properties</property> <!-- as written by 'sluice passwd' -->
 *     <!-- setLocale's charset table (replaces the default one; a webapp's web.xml mapping wins) -->
 *     <property name="localeEncodings">ja=Shift_JIS, zh_TW=Big5</property>
 *     <property name="allowedTrailers">*</property>          <!-- request trailers shown; default * (all) -->
 *     <property name="crossContext">false</property>          <!-- getContext may return other webapps -->
 *     <!-- an HTTPS listener beside the HTTP one; left out: none -->
 *     <property name="bindHttpsPort">0</property>             <!-- 0: a free port -->
 *     <property name="keyStore">target/tls/server.p12</property> <!-- PKCS12: server key and chain -->
 *     <property name="keyStorePassword">changeit</property>
 *     <property name="clientAuth">need</property>             <!-- none (default), want or need -->
 *     <property name="trustedCertificates">cts_cert</property> <!-- CAs of client certificates: PEM, DER or .p12 -->
 *     <property name="urlScheme">https</property>             <!-- which listener deployment URLs name -->
 *     <!-- CLIENT-CERT users by full certificate subject, roles after the last colon -->
 *     <property name="certificateUsers">CN=CTS, OU=Java Software, O=Example, C=US:Administrator</property>
 *   </configuration>
 * </container>
 * }</pre>
 * {@code limits} takes the keys and value syntax of {@code conf/sluice.properties}, separated by commas or new
 * lines. {@code users} is {@code name:password:role,role} per user, separated by {@code ;} or new lines (the
 * password may hold colons, the roles may be empty); {@code realmFile} is a realm file in the distribution's
 * format. Both may be given; a user in {@code users} replaces a file user of the same name.
 *
 * <p>With {@code bindHttpsPort} the container also listens for HTTPS (Sluice's TLS defaults: TLS 1.3 and 1.2,
 * forward-secret AEAD suites); {@code clientAuth} {@code want} or {@code need} asks clients for a certificate,
 * which the {@code CLIENT-CERT} login maps to a realm user named by its subject. The URLs Arquillian injects
 * ({@code @ArquillianResource URL}) name the HTTPS listener then, unless {@code urlScheme} is {@code http}.
 */
public class SluiceContainerConfiguration implements ContainerConfiguration {
    private String bindAddress = "127.0.0.1";
    private int bindHttpPort;
    private String limits = "";
    // null: the adapter's own default, so the two cannot drift apart.
    private String serverInfo;
    private Boolean allowTrace;
    private Integer maxParameterCount;
    private Integer maxFormBytes;
    private Integer maxConcurrentRequests;
    private Integer retryAfterSeconds;
    private String users;
    private String realmFile;
    private String localeEncodings;
    private String allowedTrailers;
    private Boolean crossContext;
    private Integer bindHttpsPort;
    private String keyStore;
    private String keyStorePassword;
    private String clientAuth;
    private String trustedCertificates;
    private String urlScheme;
    private String certificateUsers;

    @Override
    public void validate() throws ConfigurationException {
        if (bindHttpPort < 0 || bindHttpPort > 65535) {
            throw new ConfigurationException("bindHttpPort must be 0-65535, was " + bindHttpPort);
        }
        requireAtLeast("maxParameterCount", maxParameterCount, 1);
        requireAtLeast("maxFormBytes", maxFormBytes, 0);
        requireAtLeast("maxConcurrentRequests", maxConcurrentRequests, 0);
        requireAtLeast("retryAfterSeconds", retryAfterSeconds, 0);
        try {
            toLimits();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("limits: " + e.getMessage());
        }
        if (urlScheme != null && !urlScheme.equals("http") && !urlScheme.equals("https")) {
            throw new ConfigurationException("urlScheme must be http or https, was " + urlScheme);
        }
        HttpsSettings https;
        try {
            https = toHttps();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
        if (https == null && "https".equals(urlScheme)) {
            throw new ConfigurationException("urlScheme https needs bindHttpsPort");
        }
        try {
            toServletContainer(); // also reads the realm once: a bad entry or an unreadable realmFile fails here
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private static void requireAtLeast(String name, Integer value, int min) throws ConfigurationException {
        if (value != null && value < min) {
            throw new ConfigurationException(name + " must be at least " + min + ", was " + value);
        }
    }

    /** A servlet container builder with the adapter settings this configuration names. */
    public ServletContainer.Builder toServletContainer() {
        ServletContainer.Builder builder = ServletContainer.builder();
        if (serverInfo != null) {
            builder.serverInfo(serverInfo);
        }
        if (allowTrace != null) {
            builder.allowTrace(allowTrace);
        }
        if (maxParameterCount != null) {
            builder.maxParameterCount(maxParameterCount);
        }
        if (maxFormBytes != null) {
            builder.maxFormBytes(maxFormBytes);
        }
        if (maxConcurrentRequests != null) {
            builder.maxConcurrentRequests(maxConcurrentRequests);
        }
        if (retryAfterSeconds != null) {
            builder.retryAfterSeconds(retryAfterSeconds);
        }
        try {
            builder.realm(CertificateUsers.over(certificateUsers, RealmSettings.realm(users, realmFile)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("realmFile: cannot read " + realmFile + ": " + e, e);
        }
        if (localeEncodings != null) {
            builder.setting("localeEncodings", localeEncodings);
        }
        if (allowedTrailers != null) {
            builder.setting("allowedTrailers", allowedTrailers);
        }
        if (crossContext != null) {
            builder.crossContext(crossContext);
        }
        return builder;
    }

    /** The HTTPS listener this configuration names, or null for none. @throws IllegalArgumentException if wrong */
    HttpsSettings toHttps() {
        return HttpsSettings.of(bindHttpsPort, keyStore, keyStorePassword, clientAuth, trustedCertificates);
    }

    /** Whether deployment URLs name the HTTPS listener: by default when there is one. */
    boolean urlsNameHttps() {
        return urlScheme == null ? bindHttpsPort != null : urlScheme.equals("https");
    }

    /** The limits this configuration names, over the defaults. */
    public Limits toLimits() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(limits.replace(',', '\n')));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return Limits.fromProperties(p, Limits.DEFAULTS);
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public int getBindHttpPort() {
        return bindHttpPort;
    }

    public void setBindHttpPort(int bindHttpPort) {
        this.bindHttpPort = bindHttpPort;
    }

    public String getLimits() {
        return limits;
    }

    public void setLimits(String limits) {
        this.limits = limits == null ? "" : limits;
    }

    public String getServerInfo() {
        return serverInfo;
    }

    public void setServerInfo(String serverInfo) {
        this.serverInfo = serverInfo;
    }

    public Boolean getAllowTrace() {
        return allowTrace;
    }

    public void setAllowTrace(Boolean allowTrace) {
        this.allowTrace = allowTrace;
    }

    public Integer getMaxParameterCount() {
        return maxParameterCount;
    }

    public void setMaxParameterCount(Integer maxParameterCount) {
        this.maxParameterCount = maxParameterCount;
    }

    public Integer getMaxFormBytes() {
        return maxFormBytes;
    }

    public void setMaxFormBytes(Integer maxFormBytes) {
        this.maxFormBytes = maxFormBytes;
    }

    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Integer getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public void setRetryAfterSeconds(Integer retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String getUsers() {
        return users;
    }

    /** Users for the realm: {@code name:password:role,role}, separated by {@code ;} or new lines. */
    public void setUsers(String users) {
        this.users = users;
    }

    public String getRealmFile() {
        return realmFile;
    }

    /** A realm file (the distribution's conf/realm.properties format) whose users the container knows. */
    public void setRealmFile(String realmFile) {
        this.realmFile = realmFile;
    }

    public String getLocaleEncodings() {
        return localeEncodings;
    }

    public void setLocaleEncodings(String localeEncodings) {
        this.localeEncodings = localeEncodings;
    }

    public String getAllowedTrailers() {
        return allowedTrailers;
    }

    public void setAllowedTrailers(String allowedTrailers) {
        this.allowedTrailers = allowedTrailers;
    }

    public Boolean getCrossContext() {
        return crossContext;
    }

    public void setCrossContext(Boolean crossContext) {
        this.crossContext = crossContext;
    }

    public Integer getBindHttpsPort() {
        return bindHttpsPort;
    }

    /** Adds an HTTPS listener on this port (0: a free one); needs {@code keyStore}. */
    public void setBindHttpsPort(Integer bindHttpsPort) {
        this.bindHttpsPort = bindHttpsPort;
    }

    public String getKeyStore() {
        return keyStore;
    }

    /** The PKCS12 file with the HTTPS listener's private key and certificate chain. */
    public void setKeyStore(String keyStore) {
        this.keyStore = keyStore;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
    }

    public String getClientAuth() {
        return clientAuth;
    }

    /** {@code none} (default), {@code want} (asked, optional) or {@code need} (handshake fails without one). */
    public void setClientAuth(String clientAuth) {
        this.clientAuth = clientAuth;
    }

    public String getTrustedCertificates() {
        return trustedCertificates;
    }

    /** The certificates client certificates must chain to: a PEM or DER file, or a PKCS12 store (.p12). */
    public void setTrustedCertificates(String trustedCertificates) {
        this.trustedCertificates = trustedCertificates;
    }

    public String getUrlScheme() {
        return urlScheme;
    }

    /** {@code http} or {@code https}: the listener deployment URLs name; default https when there is one. */
    public void setUrlScheme(String urlScheme) {
        this.urlScheme = urlScheme;
    }

    public String getCertificateUsers() {
        return certificateUsers;
    }

    /** CLIENT-CERT users by certificate subject: {@code DN:role,role}, separated by {@code ;} or new lines. */
    public void setCertificateUsers(String certificateUsers) {
        this.certificateUsers = certificateUsers;
    }
}
