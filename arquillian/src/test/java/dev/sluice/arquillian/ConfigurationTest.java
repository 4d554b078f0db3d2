package dev.sluice.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.TlsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.impl.MapObject;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code <property>} values of arquillian.xml, mapped the way Arquillian maps them (by setter name). */
class ConfigurationTest {

    private static SluiceContainerConfiguration fromXmlProperties(Map<String, String> properties) throws Exception {
        SluiceContainerConfiguration configuration = new SluiceContainerConfiguration();
        MapObject.populate(configuration, properties);
        return configuration;
    }

    @Test
    void adapterSettingsAreReadFromTheirProperties() throws Exception {
        SluiceContainerConfiguration c = fromXmlProperties(Map.of(
                "serverInfo", "Acme/1", "allowTrace", "true", "maxParameterCount", "5",
                "maxFormBytes", "1024", "maxConcurrentRequests", "3", "retryAfterSeconds", "7"));
        c.validate();
        assertEquals("Acme/1", c.getServerInfo());
        assertTrue(c.getAllowTrace());
        assertEquals(5, c.getMaxParameterCount());
        assertEquals(1024, c.getMaxFormBytes());
        assertEquals(3, c.getMaxConcurrentRequests());
        assertEquals(7, c.getRetryAfterSeconds());
    }

    @Test
    void containerSettingsForLocalesTrailersAndCrossContextAreRead() throws Exception {
        SluiceContainerConfiguration c = fromXmlProperties(Map.of(
                "localeEncodings", "ja=Shift_JIS, zh_TW=Big5", "allowedTrailers", "myTrailer, myTrailer2",
                "crossContext", "true"));
        c.validate();
        assertEquals("ja=Shift_JIS, zh_TW=Big5", c.getLocaleEncodings());
        assertEquals("myTrailer, myTrailer2", c.getAllowedTrailers());
        assertTrue(c.getCrossContext());
    }

    @Test
    void absentSettingsKeepTheAdapterDefaults() throws Exception {
        SluiceContainerConfiguration c = fromXmlProperties(Map.of("bindHttpPort", "0"));
        c.validate();
        assertNull(c.getServerInfo());
        assertNull(c.getAllowTrace());
        assertNull(c.getMaxParameterCount());
    }

    @ParameterizedTest
    @CsvSource({
        "bindHttpPort, -1, 'bindHttpPort must be 0-65535, was -1'",
        "bindHttpPort, 65536, 'bindHttpPort must be 0-65535, was 65536'",
        "maxParameterCount, 0, 'maxParameterCount must be at least 1, was 0'",
        "maxFormBytes, -1, 'maxFormBytes must be at least 0, was -1'",
        "maxConcurrentRequests, -2, 'maxConcurrentRequests must be at least 0, was -2'",
        "retryAfterSeconds, -1, 'retryAfterSeconds must be at least 0, was -1'",
        "localeEncodings, ja, 'Invalid value for localeEncodings: ''ja'' (locale encoding ''ja'' is not locale=charset)'",
    })
    void outOfRangeValuesAreRefusedWithTheirName(String property, String value, String message) throws Exception {
        SluiceContainerConfiguration c = fromXmlProperties(Map.of(property, value));
        ConfigurationException e = assertThrows(ConfigurationException.class, c::validate);
        assertEquals(message, e.getMessage());
    }

    @Test
    void usersGiveTheRealmItsUsersAndRoles() throws Exception {
        SluiceContainerConfiguration c = fromXmlProperties(Map.of("users",
                "j2ee:j2ee:Administrator,Employee;\n javajoe:pass:with:colons:Manager, Employee ; nobody:pw:"));
        c.validate();
        dev.sluice.servlet.Realm realm = RealmSettings.realm(c.getUsers(), c.getRealmFile());
        assertEquals(java.util.Set.of("Administrator", "Employee"), realm.authenticate("j2ee", "j2ee").roles());
        assertEquals(java.util.Set.of("Manager", "Employee"),
                realm.authenticate("javajoe", "pass:with:colons").roles());
        assertEquals(java.util.Set.of(), realm.authenticate("nobody", "pw").roles());
        assertNull(realm.authenticate("j2ee", "javajoe"));
        assertNull(RealmSettings.realm(null, " "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        a:b:c; secretonly                  | users entry 2: expected name:password:role,role (roles may be empty)
        a:b:c; :hunter2:role               | users entry 2: expected name:password:role,role (roles may be empty)
        'we ird:hunter2:role'              | users entry 1: a user name must not contain
        """)
    void badUsersAreRefusedNamingTheEntryNotThePassword(String users, String message) throws Exception {
        SluiceContainerConfiguration c = fromXmlProperties(Map.of("users", users));
        ConfigurationException e = assertThrows(ConfigurationException.class, c::validate);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2") && !e.getMessage().contains("secretonly"), e.getMessage());
    }

    @Test
    void aMissingRealmFileIsAConfigurationError() throws Exception {
        SluiceContainerConfiguration c = fromXmlProperties(Map.of("realmFile", "/no/such/realm.properties"));
        ConfigurationException e = assertThrows(ConfigurationException.class, c::validate);
        assertTrue(e.getMessage().startsWith("realmFile: cannot read /no/such/realm.properties"), e.getMessage());
    }

    @Test
    void httpsSettingsMakeAnHttpsListenerWhoseUrlsDeploymentsName(@TempDir Path dir) throws Exception {
        Path store = Files.createFile(dir.resolve("server.p12"));
        Path cas = Files.createFile(dir.resolve("clients.crt"));
        SluiceContainerConfiguration c = fromXmlProperties(Map.of("bindHttpsPort", "0",
                "keyStore", store.toString(), "keyStorePassword", "changeit", "clientAuth", "Need",
                "trustedCertificates", cas.toString()));
        c.validate();
        HttpsSettings https = c.toHttps();
        assertEquals(new HttpsSettings(0, store, "changeit", TlsConfig.ClientAuth.NEED, cas), https);
        assertEquals(TlsConfig.ClientAuth.NEED, https.toTlsConfig().clientAuth());
        assertEquals(cas, https.toTlsConfig().trustedCertificates());
        assertTrue(c.urlsNameHttps());
        c.setUrlScheme("http");
        c.validate();
        assertFalse(c.urlsNameHttps());
    }

    @Test
    void withoutHttpsPortThereIsNoListenerAndUrlsNameHttp() throws Exception {
        SluiceContainerConfiguration c = fromXmlProperties(Map.of("bindHttpPort", "0"));
        c.validate();
        assertNull(c.toHttps());
        assertFalse(c.urlsNameHttps());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        bindHttpsPort=0                                     | bindHttpsPort needs keyStore (a PKCS12 file with the server key)
        bindHttpsPort=70000,keyStore=STORE                  | bindHttpsPort must be 0-65535, was 70000
        keyStore=STORE                                      | keyStore, clientAuth and trustedCertificates need bindHttpsPort (0 for a free port)
        bindHttpsPort=0,keyStore=/no/such/server.p12        | keyStore: cannot read /no/such/server.p12
        bindHttpsPort=0,keyStore=STORE,clientAuth=maybe     | clientAuth must be none, want or need, was maybe
        bindHttpsPort=0,keyStore=STORE,clientAuth=want      | clientAuth want needs trustedCertificates (the CAs client certificates must chain to)
        bindHttpsPort=0,keyStore=STORE,trustedCertificates=/no/cas.pem | trustedCertificates: cannot read /no/cas.pem
        urlScheme=https                                     | urlScheme https needs bindHttpsPort
        urlScheme=ftp                                       | urlScheme must be http or https, was ftp
        certificateUsers=CN=A:r;nocolon                     | certificateUsers entry 2: expected subject:role,role (roles may be empty)
        certificateUsers=not a dn:r                         | certificateUsers entry 1: not a distinguished name:
        """)
    void badHttpsSettingsAreRefusedWithTheirName(String settings, String message, @TempDir Path dir)
            throws Exception {
        Path store = Files.createFile(dir.resolve("server.p12"));
        Map<String, String> properties = new java.util.HashMap<>();
        for (String pair : settings.split(",")) {
            int eq = pair.indexOf('=');
            properties.put(pair.substring(0, eq), pair.substring(eq + 1).replace("STORE", store.toString()));
        }
        SluiceContainerConfiguration c = fromXmlProperties(properties);
        ConfigurationException e = assertThrows(ConfigurationException.class, c::validate);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
