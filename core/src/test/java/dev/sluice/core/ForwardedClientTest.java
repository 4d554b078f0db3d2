package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardedClientTest {
    private static final TrustedProxies TRUSTED = TrustedProxies.parse("10.0.0.0/8, 2001:db8:cafe::/48, 127.0.0.1");

    /**
     * Columns: peer, header lines ({@code Name: value}, separated by {@code ~}), expected client as
     * {@code address port scheme host port}, {@code null} (headers not believed) or {@code 400 reason}. Sources:
     * RFC 7239 sections 4, 5 and 7.4 (examples), Tomcat RemoteIpValve and nginx real_ip_recursive (the walk).
     */
    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            // valid: one proxy
            "10.0.0.5|X-Forwarded-For: 203.0.113.7|203.0.113.7 0 - - -1",
            "10.0.0.5|X-Forwarded-For: 203.0.113.7 ~ X-Forwarded-Proto: https|203.0.113.7 0 https - -1",
            "10.0.0.5|X-Forwarded-For: 203.0.113.7 ~ X-Forwarded-Proto: HTTPS ~ X-Forwarded-Host: shop.example"
                    + " ~ X-Forwarded-Port: 8443|203.0.113.7 0 https shop.example 8443",
            "10.0.0.5|X-Forwarded-Host: shop.example:8080|10.0.0.5 40000 - shop.example 8080",
            "10.0.0.5|X-Forwarded-Proto: https|10.0.0.5 40000 https - -1",
            "10.0.0.5|X-Forwarded-For: 2001:db8::9|2001:db8:0:0:0:0:0:9 0 - - -1",
            "10.0.0.5|X-Forwarded-For: [2001:db8::9]:4711|2001:db8:0:0:0:0:0:9 4711 - - -1",
            "10.0.0.5|X-Forwarded-For: 203.0.113.7:4711|203.0.113.7 4711 - - -1",
            "10.0.0.5|Forwarded: for=192.0.2.60;proto=https;by=203.0.113.43|192.0.2.60 0 https - -1",
            "10.0.0.5|Forwarded: For=\"[2001:db8:cafe::17]:4711\"|2001:db8:cafe:0:0:0:0:17 4711 - - -1",
            "10.0.0.5|Forwarded: for=192.0.2.43;host=\"example.com:8443\";proto=https"
                    + "|192.0.2.43 0 https example.com 8443",
            "10.0.0.5|Forwarded: for=192.0.2.43 ; host=\"[2001:db8::1]\"|192.0.2.43 0 - [2001:db8::1] -1",
            "10.0.0.5|Forwarded: for=unknown;proto=https|unknown 0 https - -1",
            "10.0.0.5|Forwarded: for=\"_hidden:_port\"|_hidden 0 - - -1",
            "10.0.0.5|Forwarded: for=_hidden:_port|400 Malformed Forwarded header from a trusted proxy",
            "10.0.0.5|Forwarded: proto=https|10.0.0.5 40000 https - -1",
            // a chain: trusted hops skipped from the right, the first untrusted one is the client
            "10.0.0.5|X-Forwarded-For: 198.51.100.1, 203.0.113.7, 10.0.0.9|203.0.113.7 0 - - -1",
            "10.0.0.5|X-Forwarded-For: 203.0.113.7 ~ X-Forwarded-For: 10.0.0.9|203.0.113.7 0 - - -1",
            "10.0.0.5|X-Forwarded-For: 10.1.1.1, 10.0.0.9|10.1.1.1 0 - - -1",
            "10.0.0.5|X-Forwarded-For: 203.0.113.7, 10.0.0.9 ~ X-Forwarded-Proto: https, http|203.0.113.7 0 https - -1",
            "10.0.0.5|X-Forwarded-For: 203.0.113.7, 10.0.0.9 ~ X-Forwarded-Proto: https|203.0.113.7 0 https - -1",
            "10.0.0.5|Forwarded: for=192.0.2.43;proto=https, for=10.0.0.9;proto=http|192.0.2.43 0 https - -1",
            "10.0.0.5|Forwarded: for=192.0.2.43, for=198.51.100.17;proto=http, for=10.0.0.9|198.51.100.17 0 http - -1",
            "10.0.0.5|Forwarded: for=192.0.2.43 ~ Forwarded: for=10.0.0.9|192.0.2.43 0 - - -1",
            // the host the client asked for names its own port, or none: a nearer proxy's port does not leak in
            "10.0.0.5|Forwarded: for=192.0.2.43;host=a.example, for=10.0.0.9;host=\"b.internal:8080\""
                    + "|192.0.2.43 0 - a.example -1",
            "::ffff:10.0.0.5|X-Forwarded-For: 203.0.113.7|203.0.113.7 0 - - -1",
            "2001:db8:cafe::2|X-Forwarded-For: 203.0.113.7|203.0.113.7 0 - - -1",
            // Forwarded wins over X-Forwarded-* (the standard field; both are from the same proxies)
            "10.0.0.5|Forwarded: for=192.0.2.1 ~ X-Forwarded-For: 203.0.113.7|192.0.2.1 0 - - -1",
            // spoofed: the peer is not trusted, or the forged part lies left of the client
            "203.0.113.9|X-Forwarded-For: 10.0.0.1 ~ X-Forwarded-Proto: https|null",
            "203.0.113.9|Forwarded: for=127.0.0.1;proto=https|null",
            "203.0.113.9|Forwarded: for=\"unterminated|null",
            "2001:db8:beef::1|X-Forwarded-For: 10.0.0.1|null",
            "10.0.0.5|X-Forwarded-For: 127.0.0.1, 203.0.113.7|203.0.113.7 0 - - -1",
            "10.0.0.5|X-Forwarded-For: not-an-address, 203.0.113.7|203.0.113.7 0 - - -1",
            "10.0.0.5|Forwarded: for=127.0.0.1;proto=https, for=203.0.113.7;proto=http|203.0.113.7 0 http - -1",
            "10.0.0.5|Host: example.com|null",
            // malformed in what a trusted proxy wrote
            "10.0.0.5|X-Forwarded-For: example.com|400 Invalid client address in X-Forwarded-For from a trusted proxy",
            "10.0.0.5|X-Forwarded-For: 203.0.113.7:99999|400 Invalid port in X-Forwarded-For from a trusted proxy",
            "10.0.0.5|X-Forwarded-For: 203.0.113.7 ~ X-Forwarded-Proto: ftp"
                    + "|400 Invalid scheme (http or https) in X-Forwarded-Proto from a trusted proxy",
            "10.0.0.5|X-Forwarded-For: 203.0.113.7 ~ X-Forwarded-Host: a b"
                    + "|400 Invalid host in X-Forwarded-Host from a trusted proxy",
            "10.0.0.5|X-Forwarded-For: 203.0.113.7 ~ X-Forwarded-Port: 0"
                    + "|400 Invalid port in X-Forwarded-Port from a trusted proxy",
            "10.0.0.5|Forwarded: for=\"unterminated|400 Malformed Forwarded header from a trusted proxy",
            "10.0.0.5|Forwarded: for|400 Malformed Forwarded header from a trusted proxy",
            "10.0.0.5|Forwarded: for=1.2.3.4;for=5.6.7.8|400 Malformed Forwarded header from a trusted proxy",
            "10.0.0.5|Forwarded: for=1.2.3.4 for=5.6.7.8|400 Malformed Forwarded header from a trusted proxy",
            "10.0.0.5|Forwarded: for=[2001:db8::1]|400 Malformed Forwarded header from a trusted proxy",
            "10.0.0.5|Forwarded: for=\"2001:db8::1\"|400 Invalid client address in Forwarded from a trusted proxy",
            "10.0.0.5|Forwarded: for=\"[1.2.3.4]\"|400 Invalid client address in Forwarded from a trusted proxy",
            "10.0.0.5|Forwarded: for=1.2.3.4;proto=gopher|400 Invalid scheme (http or https) in Forwarded from a"
                    + " trusted proxy",
            "10.0.0.5|Forwarded: for=192.0.2.1, for=_x:junk!|400 Malformed Forwarded header from a trusted proxy",
            "10.0.0.5|Forwarded: for=\"_x:junk\"|400 Invalid port in Forwarded from a trusted proxy",
            "10.0.0.5|Forwarded: for=\"_x:_!\"|400 Invalid client port in Forwarded from a trusted proxy",
    })
    void resolves(String peer, String lines, String expected) {
        Headers headers = new Headers();
        for (String line : lines.split(" ~ ")) {
            int colon = line.indexOf(':');
            headers.add(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        InetSocketAddress from = new InetSocketAddress(IpLiteral.parse(peer), 40000);
        if (expected.startsWith("400 ")) {
            HttpException e = assertThrows(HttpException.class,
                    () -> ForwardedClient.resolve(from, headers, TRUSTED));
            assertEquals(400, e.status().code());
            assertEquals(expected.substring(4), e.getMessage());
            return;
        }
        ClientView client = ForwardedClient.resolve(from, headers, TRUSTED);
        if (expected.equals("null")) {
            assertNull(client);
            return;
        }
        String[] want = expected.split(" ");
        assertEquals(want[0], client.address().isUnresolved() ? client.address().getHostString()
                : client.address().getAddress().getHostAddress(), "address");
        assertEquals(Integer.parseInt(want[1]), client.address().getPort(), "client port");
        assertEquals(want[2].equals("-") ? null : want[2], client.scheme(), "scheme");
        assertEquals(want[3].equals("-") ? null : want[3], client.host(), "host");
        assertEquals(Integer.parseInt(want[4]), client.port(), "port");
    }

    @ParameterizedTest(name = "nobody trusted: {0}")
    @CsvSource(delimiter = '|', value = {"127.0.0.1|X-Forwarded-For: 203.0.113.7", "10.0.0.5|Forwarded: for=1.2.3.4"})
    void noTrustedProxiesIgnoresEveryField(String peer, String line) {
        Headers headers = new Headers().add(line.substring(0, line.indexOf(':')),
                line.substring(line.indexOf(':') + 1).trim());
        assertNull(ForwardedClient.resolve(new InetSocketAddress(IpLiteral.parse(peer), 1), headers,
                TrustedProxies.NONE));
    }
}
