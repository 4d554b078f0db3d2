package dev.sluice.distribution.internal.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {
    @TempDir
    Path logs;

    private static AccessEntry entry(String target, String userAgent) {
        return new AccessEntry(Instant.parse("2026-11-26T13:05:09Z"), "127.0.0.1", "127.0.0.1", 8080, "GET",
                target, "HTTP/1.1", 200, 2326, "http://localhost:8080/", userAgent, null, 12, 3, 41, 2);
    }

    @Test
    void combinedLineCarriesTheServersFigures() {
        // 13:05:09 UTC is 18:35:09 in India (+05:30): the server's local time with its offset, as Apache writes it
        String line = AccessLogFormat.COMBINED.format(entry("/hello/?a=1", "curl/8.5"), ZoneId.of("Asia/Kolkata"));
        assertEquals("127.0.0.1 - - [26/Nov/2026:18:35:09 +0530] \"GET /hello/?a=1 HTTP/1.1\" 200 2326 "
                + "\"http://localhost:8080/\" \"curl/8.5\" 12 3 41 2", line);
    }

    @Test
    void combinedEscapesQuotesAndControlCharacters() {
        String line = AccessLogFormat.COMBINED.format(entry("/x", "evil\"agent\n127.0.0.1 fake"), ZoneOffset.UTC);
        assertEquals(true, line.contains("\"evil\\\"agent\\x0a127.0.0.1 fake\""), line);
    }

    @Test
    void w3cLineAsIisWritesIt() {
        String line = AccessLogFormat.W3C.format(entry("/hello/?a=1", "Mozilla/5.0 (X11)"),
                ZoneId.of("Asia/Kolkata")); // W3C is UTC whatever the zone
        assertEquals("2026-11-26 13:05:09 127.0.0.1 GET /hello/ a=1 8080 - 127.0.0.1 HTTP/1.1 "
                + "Mozilla/5.0+(X11) http://localhost:8080/ 200 2326 12 3 41 2", line);
    }

    @Test
    void w3cFileStartsWithItsFieldsAndRotatesDaily() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T23:59:58Z"));
        try (AccessLog log = new AccessLog(logs, AccessLogFormat.W3C, "Sluice/test", clock)) {
            log.log(entry("/a", "ua"));
            clock.now = Instant.parse("2026-11-27T00:00:01Z");
            log.log(entry("/b", "ua"));
            log.flush();
            List<String> first = Files.readAllLines(log.fileFor(LocalDate.parse("2026-11-26")));
            List<String> second = Files.readAllLines(log.fileFor(LocalDate.parse("2026-11-27")));
            assertEquals("#Software: Sluice/test", first.get(0));
            assertEquals(4, first.size());
            assertEquals(true, first.get(3).contains(" GET /a - "), first.get(3));
            assertEquals(4, second.size());
            assertEquals(true, second.get(3).contains(" GET /b - "), second.get(3));
        }
    }

    /** A clock a test can move; in UTC so rotation happens at a known instant. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
