package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.connector.HttpConnector;
import dev.sluice.core.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.EchoUpgradeHandler;
import testapps.EchoUpgradeServlet;
import testapps.NioEchoServlet;
import testapps.NioFailureServlet;
import testapps.NioStreamServlet;
import testapps.NioTraceServlet;

/**
 * Servlet non-blocking I/O and HTTP upgrade through the real connector (maxThreads 8): ReadListener and
 * WriteListener with slow clients, 1,000 concurrent slow uploads, and an upgrade to a toy echo protocol.
 */
class NonBlockingServletTest {
    private static final String WORKER = "nio-worker-";
    @TempDir
    static Path dir;
    static ServletContainer container;
    static HttpConnector connector;

    @BeforeAll
    static void start() throws Exception {
        Webapp app = Webapp.at(dir.resolve("app"))
                .classes(NioEchoServlet.class, NioStreamServlet.class, EchoUpgradeServlet.class,
                        EchoUpgradeHandler.class, NioTraceServlet.class, NioFailureServlet.class)
                .webXml(asyncServlet("echo", NioEchoServlet.class, "/echo")
                        + asyncServlet("stream", NioStreamServlet.class, "/stream")
                        + asyncServlet("upgrade", EchoUpgradeServlet.class, "/upgrade")
                        + asyncServlet("trace", NioTraceServlet.class, "/trace")
                        + asyncServlet("fail", NioFailureServlet.class, "/fail"));
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        connector = HttpConnector.builder().host("127.0.0.1").port(0).name("nio")
                .limits(Limits.builder().maxThreads(8).build()).handler(container).serverName(null).build();
        connector.start();
    }

    @AfterAll
    static void stop() {
        connector.close();
        container.close();
    }

    static String asyncServlet(String name, Class<?> type, String pattern) {
        return "<servlet><servlet-name>" + name + "</servlet-name><servlet-class>" + type.getName()
                + "</servlet-class><async-supported>true</async-supported></servlet>\n"
                + "<servlet-mapping><servlet-name>" + name + "</servlet-name><url-pattern>" + pattern
                + "</url-pattern></servlet-mapping>\n";
    }

    @Test
    void readListenerEchoesASlowlySentChunkedBodyAndTheConnectionStaysOpen() throws Exception {
        try (Client c = new Client()) {
            c.send("POST /app/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (String piece : new String[] {"5\r\nHel", "lo\r\n", "6\r\n Slow ", "\r\n5\r\nWorld", "\r\n0\r\n\r\n"}) {
                Thread.sleep(30);
                c.send(piece);
            }
            Response r = c.read();
            assertEquals("HTTP/1.1 200 OK", r.statusLine);
            assertEquals("21", r.headers.get("content-length"));
            assertEquals("echo:Hello Slow World", r.body);
            c.send("POST /app/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
            assertEquals("echo:abc", c.read().body);
        }
        assertTrue(stats().contains(" violations=0 errors=0"), stats());
    }

    @Test
    void aChunkedStreamingClientSendingTwoBatchesGetsOneOnDataAvailableEachThenOnAllDataRead() throws Exception {
        java.net.HttpURLConnection conn = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:"
                + connector.localAddress().getPort() + "/app/trace").openConnection();
        conn.setChunkedStreamingMode(5);
        conn.setRequestMethod("POST");
        conn.setDoOutput(true);
        conn.setReadTimeout(60_000);
        conn.connect();
        try {
            OutputStream out = conn.getOutputStream();
            out.write("Hello".getBytes(StandardCharsets.UTF_8));
            out.flush();
            await(() -> get("/app/trace?events").equals("onDataAvailable:Hello"));
            out.write("World".getBytes(StandardCharsets.UTF_8));
            out.close();
            assertEquals(200, conn.getResponseCode());
            String body = new String(conn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("onDataAvailable\nHello\nonDataAvailable\nWorld\nonAllDataRead\n", body);
        } finally {
            conn.disconnect();
        }
    }

    @Test
    void listenerRegistrationRulesOfTheSpecification() throws Exception {
        try (Client c = new Client()) {
            c.send("GET /app/trace HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("blocking isReady=truetrue\n"
                    + "read listener without async: IllegalStateException\n"
                    + "write listener without async: IllegalStateException\n"
                    + "null read listener: NullPointerException\n"
                    + "read listener: ok\n"
                    + "second read listener: IllegalStateException\n"
                    + "null write listener: NullPointerException\n", c.read().body);
        }
    }

    @Test
    void writeListenerStreamsALargeResponseToASlowReader() throws Exception {
        int size = 6 << 20;
        try (Client c = new Client()) {
            c.socket.setReceiveBufferSize(32 * 1024);
            c.send("GET /app/stream?size=" + size + " HTTP/1.1\r\nHost: t\r\n\r\n");
            // the client reads nothing yet: the servlet sees isReady() false and no worker waits for the client
            await(() -> streamStats().contains("refused=1") && connector.metrics().busyWorkers() == 0);
            Response r = c.read(true);
            assertEquals("HTTP/1.1 200 OK", r.statusLine);
            assertEquals("chunked", r.headers.get("transfer-encoding"));
            byte[] body = r.bytes;
            assertEquals(size, body.length);
            for (int i = 0; i < size; i++) {
                if (body[i] != (byte) (i % 251)) {
                    fail("wrong byte at " + i);
                }
            }
            c.send("GET /app/stream?stats HTTP/1.1\r\nHost: t\r\n\r\n"); // keep-alive after the stream
            Response stats = c.read();
            assertTrue(stats.body.startsWith("notReady="), stats.body);
            assertTrue(stats.body.endsWith("refused=1 errors=0"), stats.body);
        }
    }

    @Test
    void thousandConcurrentSlowUploadsWithEightWorkersAreAllAnswered() throws Exception {
        int count = 1000;
        List<Client> clients = new ArrayList<>();
        int[] maxWorkerThreads = {0};
        Runnable sample = () -> maxWorkerThreads[0] = Math.max(maxWorkerThreads[0], workerThreads());
        try {
            for (int i = 0; i < count; i++) {
                Client c = new Client();
                clients.add(c);
                String framing = i % 2 == 0 ? "Content-Length: " + payload(i).length() : "Transfer-Encoding: chunked";
                c.send("POST /app/echo HTTP/1.1\r\nHost: t\r\n" + framing + "\r\n\r\n" + piece(i, 0));
            }
            // every upload is in flight at once although only 8 workers exist: none holds a worker while waiting
            await(() -> {
                sample.run();
                return stats().startsWith("active=" + count + " ");
            });
            for (int round = 1; round <= 3; round++) {
                Thread.sleep(50);
                for (int i = 0; i < count; i++) {
                    clients.get(i).send(piece(i, round));
                }
                sample.run();
            }
            for (int i = 0; i < count; i++) {
                Response r = clients.get(i).read();
                assertEquals("HTTP/1.1 200 OK", r.statusLine, "upload " + i);
                assertEquals("echo:" + payload(i), r.body, "upload " + i);
                if (i % 100 == 0) {
                    sample.run();
                }
            }
        } finally {
            for (Client c : clients) {
                c.close();
            }
        }
        String stats = stats();
        assertTrue(stats.startsWith("active=0 max=" + count + " "), stats);
        assertTrue(stats.contains(" foreign=0 violations=0 errors=0"), stats);
        int threads = Integer.parseInt(stats.replaceAll(".* threads=(\\d+) .*", "$1"));
        assertTrue(threads <= 8, stats);
        assertTrue(maxWorkerThreads[0] <= 8, "worker threads seen: " + maxWorkerThreads[0]);
    }

    private static String payload(int i) {
        return "upload-" + i + "-abc" + "-def" + "-ghi" + "-jkl";
    }

    /** Piece {@code round} (0 to 3) of upload {@code i}: its content split in four, chunked for odd uploads. */
    private static String piece(int i, int round) {
        String p = payload(i);
        int from = p.length() * round / 4;
        int to = p.length() * (round + 1) / 4;
        String part = p.substring(from, to);
        if (i % 2 == 0) {
            return part;
        }
        String chunk = Integer.toHexString(part.length()) + "\r\n" + part + "\r\n";
        return round == 3 ? chunk + "0\r\n\r\n" : chunk;
    }

    /**
     * Issue 14 (AsyncListener javadoc, Servlet 6.1 section 2.3.3.3): a non-blocking read that fails (the client
     * leaves in the middle of the body) reaches the ReadListener's onError, then the AsyncListeners' onError with the
     * same failure; neither completed, so the container does, and onComplete follows.
     */
    @Test
    void aFailedNonBlockingReadAlsoTellsTheAsyncListeners() throws Exception {
        try (Client c = new Client()) {
            c.send("POST /app/fail?id=gone HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly ten b");
            await(() -> get("/app/fail?events=gone").contains("ReadListener.onDataAvailable"));
        } // leaves with 90 bytes unsent
        assertEventsCome("gone", "ReadListener.onDataAvailable,ReadListener.onError,AsyncListener.onError same=true,"
                + "AsyncListener.onComplete");
    }

    /** As above for a WriteListener whose client resets the connection while it writes. */
    @Test
    void aFailedNonBlockingWriteAlsoTellsTheAsyncListeners() throws Exception {
        try (Client c = new Client()) {
            c.send("GET /app/fail?write=reset HTTP/1.1\r\nHost: t\r\n\r\n");
            c.head();
            await(() -> get("/app/fail?events=reset").contains("WriteListener.notReady"));
            c.socket.setSoLinger(true, 0); // close with a reset, the unread response still queued
        }
        assertEventsCome("reset", "WriteListener.notReady,WriteListener.onError,AsyncListener.onError same=true,"
                + "AsyncListener.onComplete");
    }

    /** Waits up to 20 s for the events of NioFailureServlet request {@code id} to be {@code expected}. */
    private static void assertEventsCome(String id, String expected) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String events = get("/app/fail?events=" + id);
        while (!events.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            events = get("/app/fail?events=" + id);
        }
        assertEquals(expected, events);
    }

    @Test
    void upgradeSwitchesToTheEchoProtocolAndDestroysTheHandlerOnClose() throws Exception {
        String before = upgradeStats();
        long upgradedBefore = connector.metrics().upgradedConnections(); // the connector is shared by the class
        try (Client c = new Client()) {
            c.send("GET /app/upgrade HTTP/1.1\r\nHost: t\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n");
            String head = c.head();
            assertEquals("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n",
                    head.replaceAll("Date: [^\r]*\r\n", ""));
            assertEquals("hello\n", c.exactly(6));
            c.send("ping");
            assertEquals("> ping", c.exactly(6));
            c.send("GET / HTTP/1.1\r\n\r\n"); // no HTTP any more: just bytes to echo
            assertEquals("> GET / HTTP/1.1\r\n\r\n", c.exactly(20));
            assertEquals(1, counter(upgradeStats(), "init") - counter(before, "init"));
            c.send("bye");
            assertEquals("> bye", c.exactly(5));
            assertEquals(-1, c.in.read(), "the handler closed the connection");
        }
        await(() -> counter(upgradeStats(), "destroy") - counter(before, "destroy") == 1);
        String after = upgradeStats();
        assertEquals(1, counter(after, "postConstruct") - counter(before, "postConstruct"));
        assertEquals(upgradedBefore + 1, connector.metrics().upgradedConnections(), "this test's one upgrade");
    }

    /** Issue 14: undeploy ends the webapp's upgraded connections, each handler destroyed once, before it returns. */
    @Test
    void undeployClosesTheWebappsUpgradedConnectionsAndDestroysTheirHandlers() throws Exception {
        Path events = dir.resolve("gone-events.txt");
        Webapp gone = Webapp.at(dir.resolve("gone"))
                .classes(EchoUpgradeServlet.class, EchoUpgradeHandler.class, testapps.Events.class)
                .webXml("<context-param><param-name>events</param-name><param-value>" + events
                        + "</param-value></context-param>\n" + asyncServlet("upgrade", EchoUpgradeServlet.class, "/u"));
        container.deploy(gone.path());
        try (Client first = new Client(); Client second = new Client()) {
            for (Client c : List.of(first, second)) {
                c.send("GET /gone/u HTTP/1.1\r\nHost: t\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n");
                c.head();
                assertEquals("hello\n", c.exactly(6));
            }
            assertTrue(container.undeploy("/gone"));
            assertEquals(List.of("upgrade handler destroyed", "upgrade handler destroyed"),
                    TestSupport.events(events), "both handlers destroyed by the time undeploy returned");
            assertEquals(-1, first.in.read(), "the server closed the first connection");
            assertEquals(-1, second.in.read(), "the server closed the second connection");
        }
        assertEquals(2, TestSupport.events(events).size(), "the clients' own close destroys nothing again");
    }

    @Test
    void clientClosingAnUpgradedConnectionDestroysTheHandler() throws Exception {
        String before = upgradeStats();
        try (Client c = new Client()) {
            c.send("GET /app/upgrade HTTP/1.1\r\nHost: t\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nearly");
            c.head();
            assertEquals("hello\n> early", c.exactly(13)); // bytes sent with the upgrade request come first
        }
        await(() -> counter(upgradeStats(), "destroy") - counter(before, "destroy") == 1);
    }

    @Test
    void withoutUpgradeHeaderTheServletAnswersNormally() throws Exception {
        try (Client c = new Client()) {
            c.send("GET /app/upgrade HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("no upgrade", c.read().body);
        }
    }

    private static int counter(String stats, String name) {
        return Integer.parseInt(stats.replaceAll(".*\\b" + name + "=(\\d+).*", "$1"));
    }

    private static int workerThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(WORKER)).count();
    }

    static String stats() throws IOException, InterruptedException {
        return get("/app/echo?prefix=" + WORKER);
    }

    static String streamStats() throws IOException, InterruptedException {
        return get("/app/stream?stats");
    }

    static String upgradeStats() throws IOException, InterruptedException {
        return get("/app/upgrade?stats");
    }

    static String get(String target) throws IOException, InterruptedException {
        try (Client c = new Client()) {
            c.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n");
            return c.read().body;
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(Check condition) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.ok()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }

    record Response(String statusLine, Map<String, String> headers, String body, byte[] bytes) {
    }

    /** A raw HTTP/1.1 client on one socket. */
    static final class Client implements AutoCloseable {
        final Socket socket = new Socket();
        final InputStream in;
        final OutputStream out;

        Client() throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", connector.localAddress().getPort()), 30_000);
            socket.setSoTimeout(60_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        String head() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (!sb.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed in the head: " + sb);
                }
                sb.append((char) b);
            }
            return sb.toString();
        }

        String exactly(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            return new String(b, StandardCharsets.ISO_8859_1);
        }

        Response read() throws IOException, InterruptedException {
            return read(false);
        }

        /** Reads one response; {@code slowly} reads chunked content in small pieces with pauses. */
        Response read(boolean slowly) throws IOException, InterruptedException {
            String[] lines = head().split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else if ("chunked".equals(headers.get("transfer-encoding"))) {
                int reads = 0;
                while (true) {
                    int size = Integer.parseInt(line(), 16);
                    if (size == 0) {
                        line();
                        break;
                    }
                    for (int left = size; left > 0; ) {
                        byte[] part = in.readNBytes(Math.min(left, 16 * 1024));
                        body.write(part);
                        left -= part.length;
                        if (slowly && ++reads % 16 == 0) {
                            Thread.sleep(2);
                        }
                    }
                    line();
                }
            }
            byte[] bytes = body.toByteArray();
            return new Response(lines[0], headers, new String(bytes, StandardCharsets.UTF_8), bytes);
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("closed");
                }
                sb.append((char) b);
            }
            return sb.toString().trim();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
