package dev.sluice.distribution.internal.httperr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.connector.Refusal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpErrLogTest {
    @TempDir
    Path logs;

    private static Refusal refusal(String time, int port, int status, Refusal.Reason reason, String limit,
                                   String message) {
        return new Refusal(Instant.parse(time), new InetSocketAddress("127.0.0.1", port), status, reason, limit,
                message);
    }

    @Test
    void oneW3cLinePerRefusalAsIisWritesHttpErr() {
        assertEquals("2026-12-07 20:22:13 127.0.0.1 53422 503 QUEUE_FULL acceptQueue=1000 Server+busy,+try+again+later",
                HttpErrLog.format(refusal("2026-12-07T20:22:13.456Z", 53422, 503, Refusal.Reason.QUEUE_FULL,
                        "acceptQueue=1000", "Server busy, try again later")));
        assertEquals("2026-12-07 20:22:14 127.0.0.1 40000 400 BAD_REQUEST - Invalid+header\\x",
                HttpErrLog.format(refusal("2026-12-07T20:22:14Z", 40000, 400, Refusal.Reason.BAD_REQUEST, "-",
                        "Invalid header\r\n\\x")), "no client text can start a line of its own");
        assertEquals("2026-12-07 20:22:15 127.0.0.1 40001 - TLS_CLIENT_CERTIFICATE tlsClientAuth=need "
                + "Empty+client+certificate+chain",
                HttpErrLog.format(refusal("2026-12-07T20:22:15Z", 40001, 0, Refusal.Reason.TLS_CLIENT_CERTIFICATE,
                        "tlsClientAuth=need", "Empty client certificate chain")),
                "a refusal before any HTTP was spoken has no status");
    }

    @Test
    void linesReachTheFileOfTheirUtcDayOnlyAtFlush() throws IOException {
        HttpErrLog log = new HttpErrLog(logs);
        log.refused(refusal("2026-12-07T23:59:59Z", 1, 503, Refusal.Reason.DRAINING, "draining",
                "Server is shutting down"));
        log.refused(refusal("2026-12-08T00:00:01Z", 2, 408, Refusal.Reason.HEADER_TIMEOUT, "headerTimeout=20s",
                "Request head not received in time"));
        assertFalse(Files.exists(log.fileFor(LocalDate.parse("2026-12-07"))), "the selector thread wrote nothing");
        log.flush();
        assertEquals(List.of("#Software: Sluice", "#Version: 1.0",
                        "#Fields: date time c-ip c-port sc-status s-reason s-limit s-message",
                        "2026-12-07 23:59:59 127.0.0.1 1 503 DRAINING draining Server+is+shutting+down"),
                Files.readAllLines(log.fileFor(LocalDate.parse("2026-12-07"))));
        assertEquals("2026-12-08 00:00:01 127.0.0.1 2 408 HEADER_TIMEOUT headerTimeout=20s "
                        + "Request+head+not+received+in+time",
                Files.readAllLines(log.fileFor(LocalDate.parse("2026-12-08"))).get(3));
        log.close();
    }

    @Test
    void aFloodBeyondTheQueueIsCountedNotKept() throws IOException {
        HttpErrLog log = new HttpErrLog(logs);
        for (int i = 0; i < HttpErrLog.MAX_QUEUED + 5; i++) {
            log.refused(refusal("2026-12-07T10:00:00Z", i % 65535 + 1, 503, Refusal.Reason.QUEUE_FULL,
                    "acceptQueue=0", "Server busy, try again later"));
        }
        log.close();
        assertEquals(3 + HttpErrLog.MAX_QUEUED, Files.readAllLines(log.fileFor(LocalDate.parse("2026-12-07"))).size());
    }
}
