package dev.sluice.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.ClientView;
import dev.sluice.core.Handler;
import dev.sluice.core.TrustedProxies;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PROXY protocol and forwarded fields over real sockets: what a handler sees, and what is refused. */
class ProxySocketTest {
    /** Echoes the peer and the client as the handler sees them. */
    private static final Handler ECHO = (req, res) -> {
        ClientView c = req.client();
        String body = "remote=" + req.remoteAddress().getAddress().getHostAddress() + ":"
                + req.remoteAddress().getPort()
                + " client=" + (c == null ? "none" : c.address().getHostString() + " " + c.scheme() + " " + c.host()
                + " " + c.port());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        res.headers().set("Content-Length", Integer.toString(bytes.length));
        try (OutputStream out = res.body()) {
            out.write(bytes);
        }
    };
    private HttpConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    private void start(boolean proxyProtocol, String trusted) throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(ECHO).proxyProtocol(proxyProtocol)
                .trustedProxies(TrustedProxies.parse(trusted)).build();
        connector.start();
    }

    @Test
    void aV1HeaderGivesTheClientsAddressToEveryRequestOfTheConnection() throws Exception {
        start(true, "none");
        try (RawClient client = new RawClient(connector.localAddress())) {
            client.send("PROXY TCP4 192.0.2.1 10.0.0.1 56324 8080\r\n" + RawClient.get("/a"));
            assertEquals("remote=192.0.2.1:56324 client=none", client.read().body());
            client.send(RawClient.get("/b"));
            assertEquals("remote=192.0.2.1:56324 client=none", client.read().body());
        }
        assertEquals(0, connector.metrics().proxyHeaderRefused());
    }

    @Test
    void aV2HeaderSentInPiecesWithTlvsIsRead() throws Exception {
        start(true, "none");
        byte[] header = HexFormat.of().parseHex("0d0a0d0a000d0a515549540a" + "21" + "21" + "002b"
                + "20010db8000000000000000000000001" + "00000000000000000000000000000001" + "01bb" + "1f90"
                + "0400040000000a"); // a PP2_TYPE_NOOP TLV, skipped
        try (RawClient client = new RawClient(connector.localAddress())) {
            client.send(java.util.Arrays.copyOfRange(header, 0, 20));
            client.send(java.util.Arrays.copyOfRange(header, 20, header.length));
            client.send(RawClient.get("/"));
            assertEquals("remote=2001:db8:0:0:0:0:0:1:443 client=none", client.read().body());
        }
    }

    @Test
    void aV2HeaderSayingTheClientUsedTlsMakesTheRequestHttps() throws Exception {
        start(true, "none");
        // haproxy's send-proxy-v2-ssl: PP2_TYPE_SSL with PP2_CLIENT_SSL, verify 0, version TLSv1.3
        byte[] header = HexFormat.of().parseHex("0d0a0d0a000d0a515549540a" + "21" + "11" + "001e"
                + "c0000201" + "0a000001" + "dc04" + "01bb" + "20000f" + "01" + "00000000" + "210007544c5376312e33");
        try (RawClient client = new RawClient(connector.localAddress())) {
            client.send(header);
            client.send(RawClient.get("/"));
            assertEquals("remote=192.0.2.1:56324 client=192.0.2.1 https null -1", client.read().body());
        }
    }

    @Test
    void aLocalHeaderKeepsTheSocketPeer() throws Exception {
        start(true, "none");
        try (RawClient client = new RawClient(connector.localAddress())) {
            client.send(HexFormat.of().parseHex("0d0a0d0a000d0a515549540a" + "20" + "00" + "0000"));
            client.send(RawClient.get("/"));
            assertEquals("remote=127.0.0.1:" + client.localPort() + " client=none", client.read().body());
        }
    }

    @Test
    void aConnectionWithoutAValidHeaderIsClosedAndCounted() throws Exception {
        start(true, "none");
        try (RawClient plain = new RawClient(connector.localAddress())) {
            plain.send(RawClient.get("/"));
            assertTrue(plain.atEof(), "closed without a response");
        }
        try (RawClient broken = new RawClient(connector.localAddress())) {
            broken.send("PROXY TCP4 192.0.2.1 10.0.0.1 56324\r\n" + RawClient.get("/"));
            assertTrue(broken.atEof(), "closed without a response");
        }
        assertEquals(2, connector.metrics().proxyHeaderRefused());
    }

    @Test
    void forwardedFieldsFromATrustedPeerNameTheClient() throws Exception {
        start(false, "127.0.0.1");
        try (RawClient client = new RawClient(connector.localAddress())) {
            client.send("GET / HTTP/1.1\r\nHost: internal:8080\r\nX-Forwarded-For: 198.51.100.1, 203.0.113.7\r\n"
                    + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: shop.example\r\n\r\n");
            assertTrue(client.read().body().endsWith(" client=203.0.113.7 https shop.example -1"));
            client.send("GET / HTTP/1.1\r\nHost: x\r\nForwarded: for=192.0.2.60;proto=http;host=\"a.example:81\"\r\n"
                    + "\r\n");
            assertTrue(client.read().body().endsWith(" client=192.0.2.60 http a.example 81"));
        }
    }

    @Test
    void forwardedFieldsFromAnUntrustedPeerAreIgnored() throws Exception {
        start(false, "10.0.0.0/8");
        try (RawClient client = new RawClient(connector.localAddress())) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 10.0.0.1\r\nX-Forwarded-Proto: https\r\n"
                    + "Forwarded: for=\"broken\r\n\r\n");
            RawClient.Response r = client.read();
            assertEquals(200, r.status());
            assertTrue(r.body().endsWith(" client=none"), r.body());
        }
    }

    @Test
    void aMalformedFieldFromATrustedPeerIsA400WithItsReason() throws Exception {
        start(false, "127.0.0.0/8");
        try (RawClient client = new RawClient(connector.localAddress())) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\nForwarded: for=\"unterminated\r\n\r\n");
            RawClient.Response r = client.read();
            assertEquals("HTTP/1.1 400 Bad Request", r.statusLine());
            assertEquals("400 Bad Request: Malformed Forwarded header from a trusted proxy\n", r.body());
            assertEquals("close", r.header("Connection"));
            assertTrue(client.atEof(), "closed after the 400");
        }
    }

    @Test
    void behindAProxyProtocolBalancerTheForwardedFieldsAreJudgedByTheHeadersSource() throws Exception {
        start(true, "10.0.0.0/8");
        try (RawClient trusted = new RawClient(connector.localAddress());
             RawClient spoofing = new RawClient(connector.localAddress())) {
            trusted.send("PROXY TCP4 10.1.1.1 10.0.0.1 5000 80\r\nGET / HTTP/1.1\r\nHost: x\r\n"
                    + "X-Forwarded-For: 203.0.113.7\r\n\r\n");
            assertEquals("remote=10.1.1.1:5000 client=203.0.113.7 null null -1", trusted.read().body());
            spoofing.send("PROXY TCP4 203.0.113.9 10.0.0.1 5000 80\r\nGET / HTTP/1.1\r\nHost: x\r\n"
                    + "X-Forwarded-For: 10.0.0.2\r\n\r\n");
            assertEquals("remote=203.0.113.9:5000 client=none", spoofing.read().body());
        }
    }
}
