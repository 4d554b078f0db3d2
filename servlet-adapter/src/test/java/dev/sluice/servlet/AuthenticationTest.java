package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.WhoAmIServlet;

/** BASIC and FORM login through the real connector, with a realm of three users (Servlet 6.1 chapter 13). */
class AuthenticationTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static HttpConnector connector;

    private static final String WHOAMI = "<servlet><servlet-name>who</servlet-name><servlet-class>"
            + WhoAmIServlet.class.getName() + "</servlet-class>"
            + "<security-role-ref><role-name>boss</role-name><role-link>manager</role-link></security-role-ref>"
            + "</servlet>";

    @BeforeAll
    static void start() throws Exception {
        Webapp basic = Webapp.at(dir.resolve("basic")).classes(WhoAmIServlet.class).webXml(WHOAMI + """
                <servlet-mapping><servlet-name>who</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>
                <security-constraint>
                  <web-resource-collection><web-resource-name>a</web-resource-name>
                    <url-pattern>/admin/*</url-pattern></web-resource-collection>
                  <auth-constraint><role-name>manager</role-name></auth-constraint>
                </security-constraint>
                <security-constraint>
                  <web-resource-collection><web-resource-name>s</web-resource-name>
                    <url-pattern>/staff/*</url-pattern></web-resource-collection>
                  <auth-constraint><role-name>**</role-name></auth-constraint>
                </security-constraint>
                <security-constraint>
                  <web-resource-collection><web-resource-name>t</web-resource-name>
                    <url-pattern>/tls/*</url-pattern></web-resource-collection>
                  <user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee></user-data-constraint>
                </security-constraint>
                <login-config><auth-method>BASIC</auth-method><realm-name>Test "Realm"</realm-name></login-config>
                <security-role><role-name>manager</role-name></security-role>
                """);
        Webapp form = Webapp.at(dir.resolve("form")).classes(WhoAmIServlet.class).webXml(WHOAMI + """
                <servlet-mapping><servlet-name>who</servlet-name><url-pattern>/private/*</url-pattern>
                  <url-pattern>/who</url-pattern></servlet-mapping>
                <security-constraint>
                  <web-resource-collection><web-resource-name>p</web-resource-name>
                    <url-pattern>/private/*</url-pattern></web-resource-collection>
                  <auth-constraint><role-name>staff</role-name></auth-constraint>
                </security-constraint>
                <login-config><auth-method>FORM</auth-method><form-login-config>
                  <form-login-page>/login.html</form-login-page><form-error-page>/error.html</form-error-page>
                </form-login-config></login-config>
                """).file("login.html", "<form method=post action=j_security_check>login page</form>")
                .file("error.html", "wrong user or password");
        Webapp none = Webapp.at(dir.resolve("none")).classes(WhoAmIServlet.class).webXml(WHOAMI + """
                <servlet-mapping><servlet-name>who</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>
                <security-constraint>
                  <web-resource-collection><web-resource-name>a</web-resource-name>
                    <url-pattern>/admin/*</url-pattern></web-resource-collection>
                  <auth-constraint><role-name>manager</role-name></auth-constraint>
                </security-constraint>
                """);
        Realm realm = MemoryRealm.builder().iterations(1000)
                .user("alice", "secret", "manager", "staff")
                .user("bob", "hunter2:with colon", "staff")
                .user("jürgen", "pässwörd", "manager")
                .build();
        container = ServletContainer.builder().workDir(dir.resolve("work")).realm(realm).build();
        container.deploy(basic.path());
        container.deploy(form.path());
        container.deploy(none.path());
        connector = OverSocket.start(container);
    }

    @AfterAll
    static void stop() {
        connector.close();
        container.close();
    }

    // BASIC

    @Test
    void missingCredentialsGet401WithTheChallenge() throws Exception {
        Reply r = send("GET /basic/admin/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals("HTTP/1.1 401 Unauthorized", r.statusLine);
        assertEquals("Basic realm=\"Test \\\"Realm\\\"\", charset=\"UTF-8\"", r.header("WWW-Authenticate"));
    }

    @Test
    void wrongPasswordUnknownUserAndMalformedCredentialsGet401() throws Exception {
        for (String authorization : List.of(basic("alice", "wrong"), basic("mallory", "secret"),
                "Basic !!!not-base64!!!", "Basic " + b64("no colon here"), "Bearer abc")) {
            Reply r = send("GET /basic/admin/x HTTP/1.1\r\nHost: x\r\nAuthorization: " + authorization
                    + "\r\nConnection: close\r\n\r\n");
            assertEquals("HTTP/1.1 401 Unauthorized", r.statusLine, authorization);
            assertNotNull(r.header("WWW-Authenticate"), authorization);
        }
    }

    @Test
    void userWithoutTheRoleGets403() throws Exception {
        Reply r = send(get("/basic/admin/x", basic("bob", "hunter2:with colon")));
        assertEquals("HTTP/1.1 403 Forbidden", r.statusLine);
        assertNull(r.header("WWW-Authenticate"));
    }

    @Test
    void rightUserGetsThePage() throws Exception {
        Reply r = send(get("/basic/admin/x?role=manager&role=boss&role=staff&role=*", basic("alice", "secret")));
        assertEquals("HTTP/1.1 200 OK", r.statusLine);
        assertEquals("user=alice type=BASIC principal=alice manager=true boss=true staff=true *=false\n", r.body);
    }

    @Test
    void utf8CredentialsAndAPasswordWithAColonWork() throws Exception {
        assertEquals("HTTP/1.1 200 OK", send(get("/basic/admin/x", basic("jürgen", "pässwörd"))).statusLine);
        Reply r = send(get("/basic/staff/x?role=**", basic("bob", "hunter2:with colon")));
        assertEquals("HTTP/1.1 200 OK", r.statusLine);
        assertEquals("user=bob type=BASIC principal=bob **=true\n", r.body);
    }

    @Test
    void unprotectedPagesSeeTheCallerOnlyWhenCredentialsAreGood() throws Exception {
        assertEquals("user=alice type=BASIC principal=alice\n",
                send(get("/basic/open", basic("alice", "secret"))).body);
        Reply wrong = send(get("/basic/open", basic("alice", "nope")));
        assertEquals("HTTP/1.1 200 OK", wrong.statusLine);
        assertEquals("user=null type=null principal=null\n", wrong.body);
    }

    @Test
    void confidentialTransportIsRefusedOverPlainHttp() throws Exception {
        Reply r = send(get("/basic/tls/x", basic("alice", "secret")));
        assertEquals("HTTP/1.1 403 Forbidden", r.statusLine);
        assertTrue(r.body.contains("CONFIDENTIAL"), r.body);
    }

    @Test
    void authenticateChallengesAndLoginLogoutChangeTheCaller() throws Exception {
        Reply challenged = send(get("/basic/open?do=authenticate", null));
        assertEquals("HTTP/1.1 401 Unauthorized", challenged.statusLine);
        assertNotNull(challenged.header("WWW-Authenticate"));
        assertEquals("user=alice type=BASIC principal=alice\n",
                send(get("/basic/open?do=authenticate", basic("alice", "secret"))).body);
        assertEquals("user=bob type=BASIC principal=bob\n",
                send(get("/basic/open?do=login&u=bob&p=" + enc("hunter2:with colon"), null)).body);
        Reply failed = send(get("/basic/open?do=login&u=bob&p=wrong", null));
        assertEquals("login failed: Login failed: unknown user or wrong password\n", failed.body);
        assertEquals("user=null type=null principal=null\n",
                send(get("/basic/open?do=logout", basic("alice", "secret"))).body);
    }

    @Test
    void withoutLoginConfigAConstrainedPageIs403() throws Exception {
        assertEquals("HTTP/1.1 403 Forbidden", send(get("/none/admin/x", basic("alice", "secret"))).statusLine);
        assertEquals("HTTP/1.1 200 OK", send(get("/none/open", null)).statusLine);
    }

    @Test
    void webInfAndMetaInfAreNeverServedEvenWhenAServletMapsEverything() throws Exception {
        for (String path : List.of("/basic/WEB-INF/web.xml", "/basic/web-inf/", "/basic/META-INF/",
                "/basic/meta-inf/MANIFEST.MF", "/basic/WEB-INF")) {
            assertEquals("HTTP/1.1 404 Not Found", send(get(path, basic("alice", "secret"))).statusLine, path);
        }
        assertEquals("HTTP/1.1 200 OK", send(get("/basic/WEB-INFO", null)).statusLine);
    }

    // FORM

    @Test
    void formLoginRoundTrip() throws Exception {
        Reply login = send(get("/form/private/page?x=1", null));
        assertEquals("HTTP/1.1 200 OK", login.statusLine);
        assertEquals("<form method=post action=j_security_check>login page</form>", login.body);
        String first = login.cookie("JSESSIONID");
        assertNotNull(first, "the original request is saved in a session");

        Reply wrong = send(post("/form/private/j_security_check", first, "j_username=alice&j_password=nope"));
        assertEquals("HTTP/1.1 200 OK", wrong.statusLine);
        assertEquals("wrong user or password", wrong.body);

        Reply ok = send(post("/form/private/j_security_check", first, "j_username=alice&j_password=secret"));
        assertEquals("HTTP/1.1 303 See Other", ok.statusLine);
        assertEquals("http://x/form/private/page?x=1", ok.header("Location"));
        String session = ok.cookie("JSESSIONID");
        assertNotNull(session, "login changes the session id");
        assertNotEquals(first, session);

        Reply page = send(get("/form/private/page?x=1&role=staff", null, "Cookie: JSESSIONID=" + session));
        assertEquals("HTTP/1.1 200 OK", page.statusLine);
        assertEquals("user=alice type=FORM principal=alice staff=true\n", page.body);
        Reply old = send(get("/form/private/page", null, "Cookie: JSESSIONID=" + first));
        assertEquals("<form method=post action=j_security_check>login page</form>", old.body,
                "the id from before login is worthless");

        Reply logout = send(get("/form/who?do=logout", null, "Cookie: JSESSIONID=" + session));
        assertEquals("user=null type=null principal=null\n", logout.body);
        Reply after = send(get("/form/private/page", null, "Cookie: JSESSIONID=" + session));
        assertEquals("<form method=post action=j_security_check>login page</form>", after.body);
    }

    @Test
    void aPostThatTriggeredFormLoginIsRestoredWithItsMethodAndForm() throws Exception {
        Reply login = send(post("/form/private/page?q=1", null, "show=1&a=1&b=%C3%A9"));
        assertEquals("<form method=post action=j_security_check>login page</form>", login.body);
        Reply ok = send(post("/form/j_security_check", login.cookie("JSESSIONID"),
                "j_username=alice&j_password=secret"));
        assertEquals("http://x/form/private/page?q=1", ok.header("Location"));
        String session = ok.cookie("JSESSIONID");
        Reply restored = send(get("/form/private/page?q=1", null, "Cookie: JSESSIONID=" + session));
        assertEquals("user=alice type=FORM principal=alice method=POST params=[a=1, b=é, q=1, show=1]\n",
                restored.body);
        Reply next = send(get("/form/private/page?q=1&show", null, "Cookie: JSESSIONID=" + session));
        assertEquals("user=alice type=FORM principal=alice method=GET params=[q=1, show=]\n", next.body,
                "restored once only");
    }

    @Test
    void aFormTooLargeToKeepAcrossTheLoginIs413() throws Exception {
        Reply r = send(post("/form/private/page", null, "a=" + "x".repeat(5000)));
        assertEquals("HTTP/1.1 413 Content Too Large", r.statusLine);
    }

    @Test
    void formLoginWithoutASavedRequestGoesToTheContextRoot() throws Exception {
        Reply ok = send(post("/form/j_security_check", null, "j_username=bob&j_password="
                + enc("hunter2:with colon")));
        assertEquals("HTTP/1.1 303 See Other", ok.statusLine);
        assertEquals("http://x/form/", ok.header("Location"));
    }

    @Test
    void formUserWithoutTheRoleGets403() throws Exception {
        Reply login = send(get("/form/private/page", null));
        Reply ok = send(post("/form/j_security_check", login.cookie("JSESSIONID"),
                "j_username=" + enc("jürgen") + "&j_password=" + enc("pässwörd")));
        assertEquals("HTTP/1.1 303 See Other", ok.statusLine);
        Reply page = send(get("/form/private/page", null, "Cookie: JSESSIONID=" + ok.cookie("JSESSIONID")));
        assertEquals("HTTP/1.1 403 Forbidden", page.statusLine);
    }

    // Helpers

    static String basic(String user, String password) {
        return "Basic " + b64(user + ":" + password);
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String get(String target, String authorization, String... headers) {
        StringBuilder sb = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: x\r\n");
        if (authorization != null) {
            sb.append("Authorization: ").append(authorization).append("\r\n");
        }
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return sb.append("Connection: close\r\n\r\n").toString();
    }

    static String post(String target, String session, String form) {
        int length = form.getBytes(StandardCharsets.UTF_8).length;
        return "POST " + target + " HTTP/1.1\r\nHost: x\r\n"
                + (session == null ? "" : "Cookie: JSESSIONID=" + session + "\r\n")
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n" + form;
    }

    /** A parsed response. */
    record Reply(String statusLine, List<String> headers, String body) {
        String header(String name) {
            for (String h : headers) {
                if (h.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return h.substring(name.length() + 1).trim();
                }
            }
            return null;
        }

        String cookie(String name) {
            for (String h : headers) {
                if (h.regionMatches(true, 0, "Set-Cookie: " + name + "=", 0, name.length() + 13)) {
                    String v = h.substring(name.length() + 13);
                    int semi = v.indexOf(';');
                    return semi < 0 ? v : v.substring(0, semi);
                }
            }
            return null;
        }
    }

    static Reply send(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(connector.localAddress(), 10_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(new Reply(lines[0], headers, "").header("Transfer-Encoding"))) {
                body = dechunk(body);
            }
            return new Reply(lines[0], headers, body);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (true) {
            int eol = body.indexOf("\r\n", pos);
            int size = Integer.parseInt(body.substring(pos, eol).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            // Sizes count bytes; the bodies here are ASCII or short UTF-8, so count through the bytes.
            byte[] rest = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
            out.append(chunk);
            pos = eol + 2 + chunk.length() + 2;
        }
    }
}
