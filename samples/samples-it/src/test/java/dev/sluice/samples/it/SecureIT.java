package dev.sluice.samples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import dev.sluice.servlet.RealmFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The secure samples over HTTP with the distribution's own conf/realm.properties, so the demo users the index
 * page documents are proven to log in: FORM login at /secure, BASIC at /secure-basic.
 */
class SecureIT {
    private static SampleServer server;

    @BeforeAll
    static void start() throws Exception {
        Path realm = Path.of(System.getProperty("realm.file", "../../distribution/src/main/dist/conf/realm.properties"));
        server = SampleServer.start(Limits.DEFAULTS, RealmFile.load(realm), "secure", "secure-basic");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void indexPageDocumentsTheDemoUsers() throws Exception {
        HttpResponse<String> index = Http.get(server.uri("/secure/"));
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<tr><td>alice</td><td>wonderland</td><td>manager, staff</td></tr>"));
        assertTrue(index.body().contains("<tr><td>bob</td><td>builder</td><td>staff</td></tr>"));
    }

    @Test
    void basicAskesForCredentialsAndChecksThem() throws Exception {
        HttpResponse<String> none = Http.get(server.uri("/secure-basic/whoami"));
        assertEquals(401, none.statusCode());
        assertEquals("Basic realm=\"Sluice secure sample\", charset=\"UTF-8\"",
                none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, Http.get(server.uri("/secure-basic/whoami"), "Authorization", basic("alice", "nope"))
                .statusCode());
        HttpResponse<String> alice = Http.get(server.uri("/secure-basic/whoami"), "Authorization",
                basic("alice", "wonderland"));
        assertEquals(200, alice.statusCode());
        assertEquals("user: alice\nauth type: BASIC\nstaff: true\nmanager: true\n", alice.body());
        assertEquals(403, Http.get(server.uri("/secure-basic/manager/whoami"), "Authorization",
                basic("bob", "builder")).statusCode());
        HttpResponse<String> page = Http.get(server.uri("/secure-basic/"), "Authorization", basic("bob", "builder"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Signed in with HTTP BASIC"), page.body());
    }

    @Test
    void formLoginRoundTripThenLogout() throws Exception {
        HttpResponse<String> login = Http.get(server.uri("/secure/manager/"));
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("<form id=\"login\" method=\"post\" action=\"j_security_check\">"));
        List<String> first = Http.cookies(login, "JSESSIONID");
        assertEquals(1, first.size(), login.headers().toString());

        HttpResponse<String> wrong = Http.postForm(server.uri("/secure/manager/j_security_check"),
                "j_username=alice&j_password=guess", "Cookie", first.get(0));
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("<h1 id=\"login-failed\">"), wrong.body());

        HttpResponse<String> ok = Http.postForm(server.uri("/secure/manager/j_security_check"),
                "j_username=alice&j_password=wonderland", "Cookie", first.get(0));
        assertEquals(303, ok.statusCode());
        assertEquals(server.uri("/secure/manager/").toString(), ok.headers().firstValue("Location").orElse(""));
        String session = Http.cookies(ok, "JSESSIONID").get(0);
        assertNotEquals(first.get(0), session, "the session id changes at login");

        HttpResponse<String> page = Http.get(server.uri("/secure/manager/"), "Cookie", session);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Signed in as <strong id=\"user\">alice</strong> by <span id=\"auth-type\">"
                + "FORM</span>"), page.body());
        assertTrue(page.body().contains("<span id=\"boss\">true</span>"), page.body());

        HttpResponse<String> logout = Http.get(server.uri("/secure/logout"), "Cookie", session);
        assertEquals(303, logout.statusCode());
        HttpResponse<String> again = Http.get(server.uri("/secure/manager/"), "Cookie", session);
        assertTrue(again.body().contains("action=\"j_security_check\""), "signed out: the login page again");
    }

    @Test
    void aStaffUserIsForbiddenTheManagerArea() throws Exception {
        HttpResponse<String> login = Http.get(server.uri("/secure/manager/"));
        String cookie = Http.cookies(login, "JSESSIONID").get(0);
        HttpResponse<String> ok = Http.postForm(server.uri("/secure/manager/j_security_check"),
                "j_username=bob&j_password=builder", "Cookie", cookie);
        assertEquals(303, ok.statusCode());
        String session = Http.cookies(ok, "JSESSIONID").get(0);
        assertEquals(403, Http.get(server.uri("/secure/manager/"), "Cookie", session).statusCode());
        HttpResponse<String> staff = Http.get(server.uri("/secure/staff/"), "Cookie", session);
        assertEquals(200, staff.statusCode());
        assertTrue(staff.body().contains("<span id=\"manager\">false</span>"), staff.body());
    }
}
