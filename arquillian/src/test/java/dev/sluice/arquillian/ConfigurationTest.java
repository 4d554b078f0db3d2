package dev.sluice.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jboss.arquillian.container.impl.MapObject;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

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
}
