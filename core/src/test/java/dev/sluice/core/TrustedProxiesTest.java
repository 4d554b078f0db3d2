package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedProxiesTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "10.0.0.0/8|10.255.1.2|true",
            "10.0.0.0/8|11.0.0.1|false",
            "192.168.1.7|192.168.1.7|true",
            "192.168.1.7|192.168.1.8|false",
            "192.168.1.7/32|192.168.1.7|true",
            "172.16.0.0/12|172.31.255.255|true",
            "172.16.0.0/12|172.32.0.0|false",
            "0.0.0.0/0|8.8.8.8|true",
            "0.0.0.0/0|::1|false",
            "::1|::1|true",
            "::1|127.0.0.1|false",
            "[::1]|::1|true",
            "fd00::/8|fd12:3456::1|true",
            "fd00::/8|fe80::1|false",
            "2001:db8::/33|2001:db8:7fff::1|true",
            "2001:db8::/33|2001:db8:8000::1|false",
            "10.0.0.0/8|::ffff:10.1.2.3|true",
            "'10.0.0.0/8, ::1'|::1|true",
            "10.1.2.3/8|10.200.0.1|true",
    })
    void matches(String list, String address, boolean expected) {
        assertEquals(expected, TrustedProxies.parse(list).contains(IpLiteral.parse(address)));
    }

    @ParameterizedTest(name = "invalid: {0}")
    @CsvSource(delimiter = '|', value = {
            "example.com|Invalid trusted proxy 'example.com' (an IPv4 or IPv6 address with an optional /prefix)",
            "10.0.0.0/33|Invalid prefix in trusted proxy '10.0.0.0/33' (0 to 32)",
            "::1/129|Invalid prefix in trusted proxy '::1/129' (0 to 128)",
            "10.0.0.0/|Invalid prefix in trusted proxy '10.0.0.0/' (0 to 32)",
            "10.0.0.256|Invalid trusted proxy '10.0.0.256' (an IPv4 or IPv6 address with an optional /prefix)",
            "010.0.0.1|Invalid trusted proxy '010.0.0.1' (an IPv4 or IPv6 address with an optional /prefix)",
            "'10.0.0.1,'|Invalid trusted proxy '' (an IPv4 or IPv6 address with an optional /prefix)",
            "fe80::1%eth0|Invalid trusted proxy 'fe80::1%eth0' (an IPv4 or IPv6 address with an optional /prefix)",
    })
    void refusesWhatIsNotAnAddressBlock(String list, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(list))
                .getMessage());
    }

    @Test
    void emptyAndNoneTrustNobody() {
        assertSame(TrustedProxies.NONE, TrustedProxies.parse(""));
        assertSame(TrustedProxies.NONE, TrustedProxies.parse(" None "));
        assertSame(TrustedProxies.NONE, TrustedProxies.parse(null));
        assertFalse(TrustedProxies.NONE.contains(IpLiteral.parse("127.0.0.1")));
    }

    @Test
    void printsTheNormalizedBlocks() {
        assertEquals("10.0.0.0/8,0:0:0:0:0:0:0:1/128", TrustedProxies.parse("10.9.9.9/8, ::1").toString());
    }
}
