package dev.sluice.connector;

import static dev.sluice.connector.ConnectorSocketTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Handler;
import dev.sluice.core.IoCallback;
import dev.sluice.core.Limits;
import dev.sluice.core.NonBlockingInput;
import dev.sluice.core.NonBlockingOutput;
import dev.sluice.core.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Non-blocking reading and writing of suspended exchanges, and protocol upgrade, over real sockets with a trivial
 * core handler: the exchange holds no worker while it waits for the client, deadlines end it with an error, and
 * the connection goes on with keep-alive and pipelining afterwards.
 */
class NonBlockingSocketTest {
    private HttpConnector connector;
    private final MutableClock clock = new MutableClock();
    private final Set<String> callbackThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger suspended = new AtomicInteger();
    /** Failures inside callbacks, which run on pool threads where a thrown assertion would be swallowed. */
    private final Queue<Throwable> callbackFailures = new ConcurrentLinkedQueue<>();

    /** One selector, so that a sweep seen on one connection is the sweep of every connection. */
    HttpConnector start(Limits limits, Handler handler) throws IOException {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).limits(limits).handler(handler)
                .clock(clock).name("nb").selectors(1).build();
        connector.start();
        return connector;
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        assertTrue(callbackFailures.isEmpty(), () -> "failed inside a callback: " + callbackFailures);
    }

    /** Reads the whole content without blocking, then answers "got N: content"; an error answers 408 + reason. */
    private final Handler echo = (req, res) -> {
        if (!req.head().method().name().equals("POST")) {
            res.headers().set("X-Conn", req.connectionId() + "/" + req.requestNumber());
            res.body().write(("plain " + req.head().path()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        res.suspend();
        suspended.incrementAndGet();
        NonBlockingInput in = req.nonBlockingBody();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        in.awaitReadable(new IoCallback() {
            @Override
            public void onReady() {
                callbackThreads.add(Thread.currentThread().getName());
                byte[] buf = new byte[3]; // small on purpose: many reads per callback
                try {
                    while (in.isReady()) {
                        int n = in.read(buf, 0, buf.length);
                        if (n < 0) {
                            if (!in.isFinished()) { // carried back to the test thread (see stop)
                                callbackFailures.add(new AssertionError("end of content but not finished"));
                            }
                            res.body().write(("got " + got.size() + ": " + got).getBytes(StandardCharsets.UTF_8));
                            res.complete();
                            return;
                        }
                        got.write(buf, 0, n);
                    }
                    in.awaitReadable(this);
                } catch (IOException e) {
                    onError(e);
                }
            }

            @Override
            public void onError(Throwable failure) {
                res.setStatus(Status.REQUEST_TIMEOUT);
                try {
                    res.body().write(("failed: " + failure.getMessage()).getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the client is gone
                }
                res.complete();
            }
        });
    };

    @Test
    void slowChunkedUploadIsReadWithoutHoldingAWorkerAndKeepAliveGoesOn() throws Exception {
        start(Limits.builder().maxThreads(2).build(), echo);
        try (RawClient c = new RawClient(connector.localAddress())) {
            c.send("POST /up HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHel");
            awaitTrue(() -> suspended.get() == 1);
            String[] pieces = {"lo\r\n", "5\r", "\nWorld\r\n", "1;ext=1\r\n!\r\n"};
            for (String piece : pieces) {
                // between pieces the exchange waits on the selector: no worker is busy
                awaitTrue(() -> connector.metrics().busyWorkers() == 0);
                c.send(piece);
                Thread.sleep(20);
            }
            // the last chunk and a pipelined request in one write: answered in order on the same connection
            c.send("0\r\n\r\n" + RawClient.get("/after"));
            RawClient.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("got 11: HelloWorld!", r.body());
            RawClient.Response next = c.read();
            assertEquals("plain /after", next.body());
            assertTrue(next.header("X-Conn").endsWith("/2"), next.header("X-Conn")); // the same connection
            c.send(RawClient.get("/third"));
            assertEquals("plain /third", c.read().body());
        }
        assertTrue(callbackThreads.stream().allMatch(n -> n.startsWith("nb-worker-")), callbackThreads.toString());
    }

    @Test
    void lengthDelimitedUploadSentByteByByteArrivesWhole() throws Exception {
        start(Limits.DEFAULTS, echo);
        try (RawClient c = new RawClient(connector.localAddress())) {
            c.send("POST /up HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\n");
            for (char ch : "abcdef".toCharArray()) {
                c.send(String.valueOf(ch));
                Thread.sleep(10);
            }
            RawClient.Response r = c.read();
            assertEquals("got 6: abcdef", r.body());
            c.send(RawClient.get("/again"));
            assertEquals("plain /again", c.read().body());
        }
    }

    @Test
    void tooSlowUploadEndsWithOnErrorAndTheConnectionCloses() throws Exception {
        start(Limits.builder().minBodyRate(240).build(), echo);
        try (RawClient c = new RawClient(connector.localAddress())) {
            c.send("POST /up HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\nabc");
            awaitTrue(() -> suspended.get() == 1 && connector.metrics().busyWorkers() == 0);
            c.awaitResponse(() -> clock.advance(Duration.ofSeconds(30)));
            RawClient.Response r = c.read();
            assertEquals(408, r.status());
            assertEquals("failed: Request content arrived too slowly", r.body());
            assertEquals("close", r.header("Connection"));
            assertTrue(c.atEof());
        }
        awaitTrue(() -> connector.metrics().openConnections() == 0);
    }

    @Test
    void largeResponseToASlowReaderIsWrittenWithoutHoldingAWorker() throws Exception {
        int total = 8 << 20;
        AtomicInteger notReady = new AtomicInteger();
        start(Limits.DEFAULTS, (req, res) -> {
            if (req.head().path().equals("/small")) {
                res.body().write("small".getBytes(StandardCharsets.UTF_8));
                return;
            }
            res.suspend();
            NonBlockingOutput out = res.nonBlockingBody();
            OutputStream body = res.body();
            out.awaitWritable(new IoCallback() {
                private int sent;

                @Override
                public void onReady() {
                    callbackThreads.add(Thread.currentThread().getName());
                    try {
                        while (sent < total) {
                            if (!out.isReady()) {
                                notReady.incrementAndGet();
                                out.awaitWritable(this);
                                return;
                            }
                            byte[] piece = new byte[64 * 1024];
                            for (int i = 0; i < piece.length; i++) {
                                piece[i] = (byte) (sent + i);
                            }
                            body.write(piece);
                            sent += piece.length;
                        }
                        res.complete();
                    } catch (IOException e) {
                        onError(e);
                    }
                }

                @Override
                public void onError(Throwable failure) {
                    res.complete();
                }
            });
        });
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", connector.localAddress().getPort()));
            s.setSoTimeout(30_000);
            s.setReceiveBufferSize(16 * 1024);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(RawClient.get("/big").getBytes(StandardCharsets.ISO_8859_1));
            // not reading: the server fills the socket buffers and waits on the selector, holding no worker
            awaitTrue(() -> notReady.get() > 0 && connector.metrics().busyWorkers() == 0);
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
            assertTrue(head.contains("Transfer-Encoding: chunked"), head);
            byte[] content = readChunked(in);
            assertEquals(total, content.length);
            for (int i = 0; i < total; i++) {
                if (content[i] != (byte) i) {
                    throw new AssertionError("wrong byte at " + i);
                }
            }
            out.write(RawClient.get("/small").getBytes(StandardCharsets.ISO_8859_1));
            String head2 = readHead(in);
            assertTrue(head2.startsWith("HTTP/1.1 200 OK\r\n"), head2);
            assertArrayEquals("small".getBytes(StandardCharsets.UTF_8), in.readNBytes(5));
        }
        assertTrue(callbackThreads.stream().allMatch(n -> n.startsWith("nb-worker-")), callbackThreads.toString());
    }

    @Test
    void upgradeSends101AndTheConnectionBecomesAnEchoStream() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        start(Limits.builder().keepAliveTimeout(Duration.ofSeconds(5)).build(), (req, res) -> {
            res.setStatus(Status.SWITCHING_PROTOCOLS);
            res.headers().set("Upgrade", "echo");
            res.upgrade(conn -> UpgradeEcho.start(conn, closed));
        });
        try (RawClient c = new RawClient(connector.localAddress());
             RawClient idle = new RawClient(connector.localAddress())) {
            // bytes of the new protocol right behind the head belong to the upgraded connection
            c.send("GET /ws HTTP/1.1\r\nHost: t\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nping");
            RawClient.Response r = c.read();
            assertEquals("HTTP/1.1 101 Switching Protocols", r.statusLine());
            assertEquals("echo", r.header("Upgrade"));
            assertEquals("Upgrade", r.header("Connection"));
            assertEquals(null, r.header("Content-Length"));
            assertEquals("ping", c.readExactly(4));
            awaitTrue(() -> connector.metrics().idleConnections() == 1); // the idle one is registered
            clock.advance(Duration.ofMinutes(5)); // no keep-alive timer applies any more
            // the one selector's sweep that closes the idle connection has passed the upgraded one too
            assertTrue(idle.atEof(), "the idle keep-alive connection is closed by the sweep");
            c.send("GET / HTTP/1.1\r\n\r\n"); // not parsed as HTTP: echoed
            assertEquals("GET / HTTP/1.1\r\n\r\n", c.readExactly(18));
            assertEquals(1, connector.metrics().upgradedConnections());
        }
        assertTrue(closed.await(30, TimeUnit.SECONDS), "onClose after the client closed");
        awaitTrue(() -> connector.metrics().openConnections() == 0 && connector.metrics().busyWorkers() == 0);
    }

    @Test
    void stoppingTheConnectorClosesUpgradedConnectionsAndRunsTheirOnClose() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        start(Limits.DEFAULTS, (req, res) -> {
            res.setStatus(Status.SWITCHING_PROTOCOLS);
            res.upgrade(conn -> UpgradeEcho.start(conn, closed));
        });
        try (RawClient c = new RawClient(connector.localAddress())) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(101, r.status());
            assertEquals("echo", r.header("Upgrade")); // named from the request when the handler set none
            c.send("x");
            assertEquals("x", c.readExactly(1));
            connector.close(); // the client is still connected
            assertTrue(closed.await(30, TimeUnit.SECONDS), "onClose at stop");
            assertTrue(c.atEof());
        }
    }

    @Test
    void upgradeIsRefusedOnARequestThatDidNotAskForIt() throws Exception {
        start(Limits.DEFAULTS, (req, res) -> {
            try {
                res.upgrade(conn -> { });
                res.body().write("upgraded?".getBytes(StandardCharsets.UTF_8));
            } catch (IllegalStateException e) {
                res.body().write(("refused: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
        });
        try (RawClient c = new RawClient(connector.localAddress())) {
            c.send(RawClient.get("/"));
            assertEquals("refused: The request did not ask for a protocol upgrade", c.read().body());
        }
    }

    private static String readHead(InputStream in) throws IOException {
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

    /** Reads chunked content slowly: small reads with pauses, like a slow client. */
    private static byte[] readChunked(InputStream in) throws IOException, InterruptedException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int rounds = 0;
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                readLine(in);
                return all.toByteArray();
            }
            int left = size;
            while (left > 0) {
                byte[] part = in.readNBytes(Math.min(left, 256 * 1024));
                all.write(part);
                left -= part.length;
                if (++rounds % 8 == 0) {
                    Thread.sleep(5);
                }
            }
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
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
}
