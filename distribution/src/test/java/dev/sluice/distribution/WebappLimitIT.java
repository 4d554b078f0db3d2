package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code webapp.<name>.maxConcurrentRequests} reaches the webapp it names: with a limit of 1 on /slow and none
 * anywhere else, a request sleeping in /slow makes /slow alone answer 503, while /hello still answers.
 */
class WebappLimitIT {

    @Test
    void oneWebappsOwnLimitShedsThatWebappAlone() throws Exception {
        try (SluiceServer server = SluiceServer.builder().host("127.0.0.1").port(0)
                .limits(Limits.builder().maxConcurrentRequests(0).drainTimeout(Duration.ofMillis(200)).build())
                .maxConcurrentRequests("/slow", 1)
                .webapps(Paths.get("target/sluice/webapps"))
                .start();
             Socket held = new Socket()) {
            // Holds /slow's one place for 40 s (a request suspended in async mode gives it back when its servlet
            // returns, so it would not).
            held.connect(new InetSocketAddress("127.0.0.1", server.localAddress().getPort()), 10_000);
            OutputStream out = held.getOutputStream();
            out.write("GET /slow/sleep?ms=40000 HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The held request runs on a worker some time after it was sent; wait for that, not for a guess.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (server.connector().metrics().busyWorkers() == 0 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a millisecond between looks
            }
            assertTrue(server.connector().metrics().busyWorkers() > 0, () -> "the held request never ran: "
                    + server.connector().metrics() + ", held got: " + available(held));
            // Its worker takes /slow's one place as the servlet starts: a moment after it became busy.
            String shed;
            do {
                shed = get(server, "/slow/sleep?ms=0");
            } while (shed.startsWith("HTTP/1.1 200 ") && System.nanoTime() < deadline);
            String last = shed;
            assertTrue(shed.startsWith("HTTP/1.1 503 Service Unavailable\r\n"),
                    () -> last + "\nheld got: " + available(held) + ", " + server.connector().metrics());
            assertTrue(shed.contains("\r\nRetry-After: "), shed);
            assertTrue(get(server, "/hello/").startsWith("HTTP/1.1 200 OK\r\n"), "other webapps are not limited");
            assertTrue(get(server, "/slow/sleep?ms=0").startsWith("HTTP/1.1 503 "), "still held");
        }
    }

    /** What the held connection has received so far, without waiting. */
    private static String available(Socket socket) {
        try {
            java.io.InputStream in = socket.getInputStream();
            return new String(in.readNBytes(in.available()), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String get(SluiceServer server, String target) throws IOException {
        return RawExchange.send(server, "GET " + target + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    }
}
