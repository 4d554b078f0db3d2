package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spring MVC and Jersey webapp folders of {@link SpringMvcTest} and {@link JerseyTest}, deployed unchanged on
 * Sluice (behind its connector) and on embedded Tomcat 11, each on a loopback port: the same raw request must get
 * the same response from both, byte for byte but for the Date header (and the error report page, see below).
 */
class SameAsTomcatTest {
    /** How often each async timeout case runs (the old race showed in 1 of 4 runs of 20 for the 504 case). */
    static final int TIMEOUT_RUNS = 100;
    @TempDir
    static Path dir;
    static ServletContainer sluice;
    static HttpConnector connector;
    static Tomcat tomcat;

    @BeforeAll
    static void start() throws Exception {
        Path spring = SpringMvcTest.build(dir.resolve("spring")).path();
        Path jersey = JerseyTest.build(dir.resolve("jersey")).path();
        sluice = ServletContainer.builder().workDir(dir.resolve("sluice-work")).build();
        sluice.deploy(spring);
        sluice.deploy(jersey);
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(sluice).serverName(null).build();
        connector.start();
        tomcat = startTomcat(dir.resolve("tomcat"), spring, jersey);
    }

    /** Tomcat with its defaults (default servlet, error report valve), each folder deployed by addWebapp. */
    static Tomcat startTomcat(Path base, Path... webapps) throws LifecycleException {
        Tomcat t = new Tomcat();
        t.setBaseDir(base.toString());
        t.getConnector().setPort(0);
        t.getConnector().setProperty("address", "127.0.0.1");
        for (Path webapp : webapps) {
            Context context = t.addWebapp("/" + webapp.getFileName(), webapp.toString());
            // The test class path holds Spring and Jersey too; each webapp must see only its own WEB-INF/lib,
            // as on Sluice, whose webapps never see the class path.
            StandardJarScanner scanner = (StandardJarScanner) context.getJarScanner();
            scanner.setScanClassPath(false);
            context.setContainerSciFilter("org\\.springframework\\..*|org\\.glassfish\\..*");
        }
        t.start();
        return t;
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (connector != null) {
            connector.close();
        }
        if (sluice != null) {
            sluice.close();
        }
    }

    /** Writes {@code request} on a new connection and reads until the server closes it. */
    static String exchange(InetSocketAddress address, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static String request(String line, String... headers) {
        StringBuilder sb = new StringBuilder(line).append(" HTTP/1.1\r\nHost: peer.test:8080\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return sb.append("Connection: close\r\n\r\n").toString();
    }

    /** What may differ between the two answers to one request; each is explained in docs/servlet-adapter.md. */
    enum Allowed {
        /** The container's own HTML error report (Tomcat's is styled, names its version, adds Content-Language). */
        ERROR_REPORT,
        /** Tomcat sends a relative Location as given; Sluice sends it absolute (Servlet 6.1 section 5.5). */
        RELATIVE_LOCATION,
        /** An empty body: Tomcat frames it as one empty chunk, Sluice with Content-Length: 0. */
        EMPTY_BODY_FRAMING,
        /** Tomcat adds the advisory Keep-Alive: timeout=60 to an HTTP/1.0 keep-alive response; Sluice does not. */
        KEEP_ALIVE_HINT
    }

    static void assertSame(String request, Allowed... allowed) throws IOException {
        Set<Allowed> allow = allowed.length == 0 ? EnumSet.noneOf(Allowed.class) : EnumSet.copyOf(List.of(allowed));
        List<Answer> onTomcat = Answer.parseAll(exchange(
                new InetSocketAddress("127.0.0.1", tomcat.getConnector().getLocalPort()), request), allow, request);
        List<Answer> onSluice = Answer.parseAll(exchange(connector.localAddress(), request), allow, request);
        assertEquals(onTomcat.toString(), onSluice.toString(), request);
    }

    /**
     * A response as a client sees its meaning: the version and status code (the reason phrase is optional and
     * ignored by clients, RFC 9112 section 4; Tomcat sends none), the fields sorted by name (the order of fields with
     * different names is not significant, RFC 9110 section 5.3) without Date, and the body with chunked coding
     * removed (chunk sizes are framing, RFC 9112 section 7.1; that the response was chunked stays visible in its
     * fields).
     */
    record Answer(String version, int status, List<String> fields, String body) {
        /** The responses on one connection, in order; {@code request} holds the requests that were sent. */
        static List<Answer> parseAll(String raw, Set<Allowed> allow, String request) {
            List<Answer> answers = new ArrayList<>();
            String[] requestLines = request.split("\r\n");
            List<String> sent = new ArrayList<>();
            for (String line : requestLines) {
                if (line.matches("[A-Z]+ \\S+ HTTP/1\\.[01]")) {
                    sent.add(line);
                }
            }
            int at = 0;
            while (at < raw.length()) {
                assertTrue(answers.size() < sent.size(), "more responses than requests: " + raw);
                at = parse(raw, at, allow, sent.get(answers.size()), answers);
            }
            assertEquals(sent.size(), answers.size(), raw);
            return answers;
        }

        /** Parses the response at {@code from}, adds it to {@code out}, and returns where the next one begins. */
        private static int parse(String raw, int from, Set<Allowed> allow, String requestLine, List<Answer> out) {
            int headEnd = raw.indexOf("\r\n\r\n", from);
            assertTrue(headEnd > 0, "no complete head: " + raw.substring(from));
            String[] lines = raw.substring(from, headEnd).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            List<String> fields = new ArrayList<>();
            boolean chunked = false;
            int length = -1;
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].substring(0, lines[i].indexOf(':')).toLowerCase(Locale.ROOT);
                String value = lines[i].substring(lines[i].indexOf(':') + 1).trim();
                chunked |= name.equals("transfer-encoding") && value.equals("chunked");
                length = name.equals("content-length") ? Integer.parseInt(value) : length;
                if (name.equals("date")
                        || allow.contains(Allowed.ERROR_REPORT) && Set.of("content-length", "content-language")
                                .contains(name)
                        || allow.contains(Allowed.EMPTY_BODY_FRAMING) && (name.equals("transfer-encoding")
                                || name.equals("content-length") && value.equals("0"))
                        || allow.contains(Allowed.KEEP_ALIVE_HINT) && name.equals("keep-alive")) {
                    continue;
                }
                if (name.equals("location") && allow.contains(Allowed.RELATIVE_LOCATION)) {
                    String target = requestLine.split(" ")[1];
                    value = URI.create("http://peer.test:8080" + target).resolve(value).toString();
                }
                if (name.equals("allow")) {
                    // A set of methods (RFC 9110 section 10.2.1): the order of its members means nothing.
                    value = String.join(",", new java.util.TreeSet<>(List.of(value.split("\\s*,\\s*"))));
                }
                fields.add(name + ": " + value);
            }
            fields.sort(Comparator.comparing(f -> f.substring(0, f.indexOf(':'))));
            int bodyStart = headEnd + 4;
            String body;
            int next;
            if (requestLine.startsWith("HEAD ") || status == 304 || status == 204) {
                body = "";
                next = bodyStart;
            } else if (chunked) {
                StringBuilder sb = new StringBuilder();
                next = dechunk(raw, bodyStart, sb);
                body = sb.toString();
            } else if (length >= 0) {
                body = raw.substring(bodyStart, bodyStart + length);
                next = bodyStart + length;
            } else {
                body = raw.substring(bodyStart);
                next = raw.length();
            }
            if (allow.contains(Allowed.ERROR_REPORT)) {
                assertTrue(body.startsWith("<!doctype html>") && body.contains("HTTP Status " + status), body);
                body = "(error report)";
            }
            out.add(new Answer(lines[0].substring(0, 8), status, fields, body));
            return next;
        }

        /** Appends the chunked body at {@code at} to {@code body}; returns where the message ends. */
        static int dechunk(String raw, int at, StringBuilder body) {
            while (true) {
                int lineEnd = raw.indexOf("\r\n", at);
                int size = Integer.parseInt(raw.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    return raw.indexOf("\r\n\r\n", lineEnd) + 4;
                }
                body.append(raw, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            dechunk(chunked, 0, body);
            return body.toString();
        }

        @Override
        public String toString() {
            return version + " " + status + "\n" + String.join("\n", fields) + "\n\n" + body;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /spring/hello?name=Ann",
        "GET /spring/hello",
        "GET /spring/deferred",
        "GET /jersey/api/greetings/Ann",
        "GET /jersey/api/greetings/async/Bo",
    })
    void getIsAnsweredAlike(String line) throws IOException {
        assertSame(request(line));
    }

    /**
     * Issue 14: a DeferredResult whose onTimeout callback answers 504 got Sluice's own 500 in one run of two (the
     * container's timeout raced the listeners; Servlet 6.1 section 2.3.3.3 says listeners first). Each case runs
     * {@link #TIMEOUT_RUNS} times, concurrently, on each server: a race of that kind would show.
     */
    @ParameterizedTest
    @ValueSource(strings = {"GET /spring/deferred/timeout", "GET /jersey/api/greetings/timeout"})
    void asyncTimeoutHandlersAnswerAlikeEveryTime(String line) throws Exception {
        assertSameEveryTime(TIMEOUT_RUNS, request(line));
    }

    /** Without a handler: Spring's AsyncRequestTimeoutException and Jersey's default both become a 503. */
    @ParameterizedTest
    @ValueSource(strings = {"GET /spring/deferred/never", "GET /jersey/api/greetings/never"})
    void asyncTimeoutsWithoutAHandlerAnswerAlikeEveryTime(String line) throws Exception {
        assertSameEveryTime(TIMEOUT_RUNS, request(line), Allowed.ERROR_REPORT);
    }

    /** {@link #assertSame} {@code times} times at once; the first failure is thrown. */
    static void assertSameEveryTime(int times, String request, Allowed... allowed) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(times);
        try {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                runs.add(pool.submit(() -> {
                    assertSame(request, allowed);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> run : runs) {
                try {
                    run.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failure) {
                        throw failure;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/spring/echo", "/spring/items", "/jersey/api/greetings", "/jersey/api/greetings/items"})
    void postWithABodyIsAnsweredAlike(String path) throws IOException {
        assertSame(request("POST " + path, "Content-Type: text/plain", "Content-Length: 7") + "payload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/spring/echo", "/jersey/api/greetings"})
    void largeBodiesAreAnsweredAlike(String path) throws IOException {
        String body = "0123456789".repeat(3000);
        assertSame(request("POST " + path, "Content-Type: text/plain", "Content-Length: " + body.length()) + body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/plain", "text/html;q=0.1, text/plain", "*/*"})
    void contentNegotiationIsAlike(String accept) throws IOException {
        assertSame(request("GET /spring/greeting", "Accept: " + accept));
        assertSame(request("GET /jersey/api/greetings/negotiate", "Accept: " + accept));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "OPTIONS /spring/hello",
        "OPTIONS /jersey/api/greetings/Ann",
        "HEAD /spring/hello",
        "HEAD /jersey/api/greetings/Ann",
    })
    void otherMethodsAreAlike(String line) throws IOException {
        assertSame(request(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /spring/nothing",
        "GET /jersey/nothing",
        "GET /jersey/api/nothing",
        "DELETE /spring/hello",
        "DELETE /jersey/api/greetings/Ann",
    })
    void errorsAreAlikeButForTheReportPage(String line) throws IOException {
        assertSame(request(line), Allowed.ERROR_REPORT);
    }

    @Test
    void unacceptableIsAlikeButForTheReportPage() throws IOException {
        assertSame(request("GET /spring/greeting", "Accept: application/json"), Allowed.ERROR_REPORT);
        assertSame(request("GET /jersey/api/greetings/negotiate", "Accept: application/json"), Allowed.ERROR_REPORT);
    }

    @Test
    void redirectsGoToTheSamePlace() throws IOException {
        assertSame(request("GET /spring/old"), Allowed.RELATIVE_LOCATION);
        assertSame(request("GET /spring"), Allowed.EMPTY_BODY_FRAMING);
        assertSame(request("GET /jersey?x=1"), Allowed.EMPTY_BODY_FRAMING);
    }

    @Test
    void keepAliveConnectionsCarrySeveralExchangesAlike() throws IOException {
        String keepAlive = "GET /spring/hello?name=one HTTP/1.1\r\nHost: peer.test:8080\r\n\r\n";
        assertSame(keepAlive + "GET /spring/deferred HTTP/1.1\r\nHost: peer.test:8080\r\n\r\n"
                + request("POST /spring/echo", "Content-Length: 3") + "abc");
        assertSame("GET /jersey/api/greetings/async/Ka HTTP/1.1\r\nHost: peer.test:8080\r\n\r\n"
                + "HEAD /jersey/api/greetings/Ann HTTP/1.1\r\nHost: peer.test:8080\r\n\r\n"
                + request("GET /jersey/api/greetings/negotiate", "Accept: text/html"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/spring/hello?name=old", "/jersey/api/greetings/Old", "/jersey/api/greetings/async/Old"})
    void http10RequestsAreAnsweredAlike(String target) throws IOException {
        assertSame("GET " + target + " HTTP/1.0\r\n\r\n");
        assertSame("GET " + target + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                + "GET " + target + " HTTP/1.0\r\n\r\n", Allowed.KEEP_ALIVE_HINT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE /spring/hello", "TRACE /jersey/api/greetings/Ann"})
    void traceIsRefusedAlike(String line) throws IOException {
        assertSame(request(line), Allowed.ERROR_REPORT);
    }
}
