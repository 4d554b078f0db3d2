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
}
