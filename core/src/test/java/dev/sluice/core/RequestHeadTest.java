package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestHeadTest {

    /** Headers with one Host field per {@code ^}-separated value; "-" for none. */
    static Headers hosts(String hosts) {
        Headers h = new Headers();
        if (!hosts.equals("-")) {
            for (String host : hosts.split("\\^", -1)) {
                h.add("Host", host);
            }
        }
        return h;
    }

    /**
     * RFC 9112 section 3.2 (target forms 3.2.1-3.2.4), RFC 9110 sections 4.2.1, 4.2.4 and 9.3.6. Columns: method,
     * target, version, Host values, then form, path, query, authority ("null" for null), or "400" and dashes when
     * refused.
     */
    @ParameterizedTest(name = "RFC 9112 3.2: {0} {1} {2} Host={3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // origin-form (3.2.1)
            "GET|/|HTTP/1.1|example.com|ORIGIN|/|null|example.com",
            "GET|/a/b?x=1&y=2|HTTP/1.1|example.com:8080|ORIGIN|/a/b|x=1&y=2|example.com:8080",
            "GET|/a?|HTTP/1.1|example.com|ORIGIN|/a|''|example.com",
            "GET|/a?b?c|HTTP/1.1|h|ORIGIN|/a|b?c|h",
            "GET|/%7Euser|HTTP/1.1|h|ORIGIN|/%7Euser|null|h",
            "POST|/form|HTTP/1.0|-|ORIGIN|/form|null|null",
            "GET|/|HTTP/1.0|old.example|ORIGIN|/|null|old.example",
            "GET|/q?a={b}^c\"<>|HTTP/1.1|h|ORIGIN|/q|a={b}^c\"<>|h",
            // absolute-form (3.2.2): its authority wins over Host
            "GET|http://origin.example/p?q|HTTP/1.1|other.example|ABSOLUTE|/p|q|origin.example",
            "GET|HTTP://origin.example:81|HTTP/1.1|h|ABSOLUTE|/|null|origin.example:81",
            "GET|https://origin.example?x|HTTP/1.1|h|ABSOLUTE|/|x|origin.example",
            "GET|http://[::1]:8080/|HTTP/1.1|h|ABSOLUTE|/|null|[::1]:8080",
            "GET|http://origin.example/p|HTTP/1.0|-|ABSOLUTE|/p|null|origin.example",
            "GET|http:///p|HTTP/1.1|h|400|-|-|-",
            "GET|http://user@origin.example/|HTTP/1.1|h|400|-|-|-",
            "GET|ftp://origin.example/|HTTP/1.1|h|400|-|-|-",
            "GET|http://origin.example:99999/|HTTP/1.1|h|400|-|-|-",
            "GET|http://bad host/|HTTP/1.1|h|400|-|-|-",
            "GET|relative/path|HTTP/1.1|h|400|-|-|-",
            // authority-form (3.2.3): CONNECT only, port required
            "CONNECT|origin.example:443|HTTP/1.1|origin.example:443|AUTHORITY|''|null|origin.example:443",
            "CONNECT|[2001:db8::1]:443|HTTP/1.1|h|AUTHORITY|''|null|[2001:db8::1]:443",
            "CONNECT|origin.example|HTTP/1.1|h|400|-|-|-",
            "CONNECT|origin.example:|HTTP/1.1|h|400|-|-|-",
            "CONNECT|/path|HTTP/1.1|h|400|-|-|-",
            "CONNECT|http://origin.example:443/|HTTP/1.1|h|400|-|-|-",
            "CONNECT|*|HTTP/1.1|h|400|-|-|-",
            "GET|origin.example:443|HTTP/1.1|h|400|-|-|-",
            // asterisk-form (3.2.4): OPTIONS only
            "OPTIONS|*|HTTP/1.1|example.com|ASTERISK|*|null|example.com",
            "GET|*|HTTP/1.1|example.com|400|-|-|-",
            "OPTIONS|/|HTTP/1.1|example.com|ORIGIN|/|null|example.com",
            // characters a request-target cannot hold
            "GET|/a#frag|HTTP/1.1|h|400|-|-|-",
            "GET|/caf\u00e9|HTTP/1.1|h|400|-|-|-",
            "GET|/a\u0001b|HTTP/1.1|h|400|-|-|-",
            "GET|/a\u007fb|HTTP/1.1|h|400|-|-|-",
            "GET|''|HTTP/1.1|h|400|-|-|-",
            // Host (RFC 9112 3.2): required in 1.1, at most one, valid syntax; empty allowed
            "GET|/|HTTP/1.1|-|400|-|-|-",
            "GET|http://origin.example/|HTTP/1.1|-|400|-|-|-",
            "GET|/|HTTP/1.1|a.example^b.example|400|-|-|-",
            "GET|/|HTTP/1.0|a.example^a.example|400|-|-|-",
            "GET|/|HTTP/1.1|bad host|400|-|-|-",
            "GET|/|HTTP/1.1|user@host|400|-|-|-",
            "GET|/|HTTP/1.1|host:80:80|400|-|-|-",
            "GET|/|HTTP/1.1|host:http|400|-|-|-",
            "GET|/|HTTP/1.1|[::1|400|-|-|-",
            "GET|/|HTTP/1.1|[zz]|400|-|-|-",
            "GET|/|HTTP/1.1|host/path|400|-|-|-",
            "GET|/|HTTP/1.1|''|ORIGIN|/|null|''",
            "GET|/|HTTP/1.1|host:|ORIGIN|/|null|host:",
            "GET|/|HTTP/1.1|' example.com '|ORIGIN|/|null|example.com",
            "GET|/|HTTP/1.1|[v1.fe80::a+en1]|ORIGIN|/|null|[v1.fe80::a+en1]",
            "GET|/|HTTP/1.1|xn--bcher-kva.example|ORIGIN|/|null|xn--bcher-kva.example",
            "GET|/|HTTP/1.1|caf%C3%A9.example|ORIGIN|/|null|caf%C3%A9.example",
            "GET|/|HTTP/1.1|192.0.2.7:65535|ORIGIN|/|null|192.0.2.7:65535",
            "GET|/|HTTP/1.1|192.0.2.7:65536|400|-|-|-",
    })
    void targetForms(String method, String target, String version, String hosts, String form, String path,
                     String query, String authority) {
        Headers headers = hosts(hosts);
        Method m = Method.of(method);
        HttpVersion v = HttpVersion.parse(version);
        if (form.equals("400")) {
            HttpException e = assertThrows(HttpException.class, () -> RequestHead.of(m, target, v, headers));
            assertEquals(400, e.status().code());
            return;
        }
        RequestHead head = RequestHead.of(m, target, v, headers);
        assertEquals(TargetForm.valueOf(form), head.form());
        assertEquals(path, head.path());
        assertEquals(query, head.rawQuery());
        assertEquals(authority, head.authority());
        assertEquals(target, head.target());
        assertSame(m, head.method());
        assertSame(v, head.version());
        assertSame(headers, head.headers());
        assertEquals(method + " " + target + " " + version, head.toString());
    }

    @Test
    void messagesAreShortAndSafe() {
        HttpException e = assertThrows(HttpException.class,
                () -> RequestHead.of(Method.GET, "/", HttpVersion.HTTP_1_1, new Headers()));
        assertEquals("Missing Host header", e.getMessage());
        e = assertThrows(HttpException.class,
                () -> RequestHead.of(Method.GET, "*", HttpVersion.HTTP_1_1, hosts("h")));
        assertEquals("Asterisk target is only valid with OPTIONS", e.getMessage());
    }

    @Test
    void nullsAreProgrammingErrors() {
        assertThrows(NullPointerException.class, () -> RequestHead.of(null, "/", HttpVersion.HTTP_1_1, hosts("h")));
        assertThrows(NullPointerException.class, () -> RequestHead.of(Method.GET, "/", null, hosts("h")));
        assertThrows(NullPointerException.class, () -> RequestHead.of(Method.GET, "/", HttpVersion.HTTP_1_1, null));
        HttpException e = assertThrows(HttpException.class,
                () -> RequestHead.of(Method.GET, null, HttpVersion.HTTP_1_1, hosts("h")));
        assertEquals(400, e.status().code());
    }
}
