package dev.sluice.distribution.internal.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path logs;

    private static AccessEntry entry(String when, String target, String userAgent) {
        return entry(Instant.parse(when).toEpochMilli(), target, userAgent, 41, 2);
    }

    private static AccessEntry entry(long millis, String target, String userAgent, long connection, int number) {
        return new AccessEntry(millis, LOOPBACK, LOOPBACK, 8080, "GET", target, "HTTP/1.1", 200, 2326,
                "http://localhost:8080/", userAgent, null, 12, 3, connection, number);
    }

    private static AccessEntry entry(String target, String userAgent) {
        return entry("2026-11-26T13:05:09Z", target, userAgent);
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
        String line = AccessLogFormat.COMBINED.format(entry("/x", "evil\"agent\n127.0.0.1 fake\\\u007f"),
                ZoneOffset.UTC);
        assertTrue(line.contains("\"evil\\\"agent\\x0a127.0.0.1 fake\\\\\\x7f\""), line);
    }

    @Test
    void combinedWritesDashesForWhatIsMissing() {
        AccessEntry e = new AccessEntry(0, null, null, 0, "GET", "/", "HTTP/1.0", 304, -1, null, "", null, 0, 0, 7,
                1);
        assertEquals("- - - [01/Jan/1970:00:00:00 +0000] \"GET / HTTP/1.0\" 304 - \"-\" \"-\" 0 0 7 1",
                AccessLogFormat.COMBINED.format(e, ZoneOffset.UTC));
    }

    @Test
    void w3cLineAsIisWritesIt() {
        String line = AccessLogFormat.W3C.format(entry("/hello/?a=1", "Mozilla/5.0 (X11)"),
                ZoneId.of("Asia/Kolkata")); // W3C is UTC whatever the zone
        assertEquals("2026-11-26 13:05:09 127.0.0.1 GET /hello/ a=1 8080 - 127.0.0.1 HTTP/1.1 "
                + "Mozilla/5.0+(X11) http://localhost:8080/ 200 2326 12 3 41 2", line);
    }

    @Test
    void w3cEmptyQueryAndControlCharactersInTokens() {
        String line = AccessLogFormat.W3C.format(entry("/a?", "x\ty z"), ZoneOffset.UTC);
        assertEquals("2026-11-26 13:05:09 127.0.0.1 GET /a - 8080 - 127.0.0.1 HTTP/1.1 "
                + "xy+z http://localhost:8080/ 200 2326 12 3 41 2", line);
    }

    @Test
    void timesFollowEachLineAcrossSeconds() {
        // the writer remembers the text of the last second; lines of other seconds must not reuse it
        LineClock clock = new LineClock(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder();
        for (String when : List.of("2026-11-26T13:05:09.999Z", "2026-11-26T13:05:10Z", "2026-11-26T13:05:09Z")) {
            AccessLogFormat.COMBINED.append(sb, entry(when, "/", "ua"), clock);
            sb.append('\n');
        }
        String[] lines = sb.toString().split("\n");
        assertTrue(lines[0].contains("[26/Nov/2026:13:05:09 +0000]"), lines[0]);
        assertTrue(lines[1].contains("[26/Nov/2026:13:05:10 +0000]"), lines[1]);
        assertTrue(lines[2].contains("[26/Nov/2026:13:05:09 +0000]"), lines[2]);
    }

    @Test
    void w3cFileStartsWithItsFieldsAndRotatesDaily() throws IOException {
        try (AccessLog log = new AccessLog(logs, AccessLogFormat.W3C, "Sluice/test", Clock.systemUTC())) {
            log.log(entry("2026-11-26T23:59:58Z", "/a", "ua"));
            log.log(entry("2026-11-27T00:00:01Z", "/b", "ua"));
            // a request of the day before that ends late stays in the new day's file: files are never reopened
            log.log(entry("2026-11-26T23:59:59Z", "/c", "ua"));
            log.flush();
            List<String> first = Files.readAllLines(log.fileFor(LocalDate.parse("2026-11-26")));
            List<String> second = Files.readAllLines(log.fileFor(LocalDate.parse("2026-11-27")));
            assertEquals("#Software: Sluice/test", first.get(0));
            assertEquals(4, first.size(), String.join("\n", first));
            assertTrue(first.get(3).contains(" GET /a - "), first.get(3));
            assertEquals(5, second.size(), String.join("\n", second));
            assertTrue(second.get(3).contains(" GET /b - "), second.get(3));
            assertTrue(second.get(4).contains(" GET /c - "), second.get(4));
        }
    }

    @Test
    void dayOfAFileIsTheServersLocalDay() throws IOException {
        // 20:00 UTC on the 26th is already the 27th in Tokyo (+09:00)
        try (AccessLog log = new AccessLog(logs, AccessLogFormat.COMBINED, "Sluice/test",
                Clock.system(ZoneId.of("Asia/Tokyo")))) {
            log.log(entry("2026-11-26T20:00:00Z", "/tokyo", "ua"));
            log.flush();
            List<String> lines = Files.readAllLines(log.fileFor(LocalDate.parse("2026-11-27")));
            assertEquals(1, lines.size());
            assertTrue(lines.get(0).contains("[27/Nov/2026:05:00:00 +0900]"), lines.get(0));
        }
    }

    @Test
    void everyLineOfManyThreadsArrivesEvenPastTheQueuesCapacity() throws Exception {
        int threads = 4;
        int perThread = AccessLog.QUEUE_CAPACITY; // together 4x the queue: loggers must wait for room, not drop
        long millis = Instant.parse("2026-11-26T12:00:00Z").toEpochMilli();
        try (AccessLog log = new AccessLog(logs, AccessLogFormat.COMBINED, "Sluice/test", Clock.systemUTC())) {
            List<Thread> loggers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long connection = t;
                Thread thread = new Thread(() -> {
                    for (int i = 1; i <= perThread; i++) {
                        log.log(entry(millis, "/t", "ua", connection, i));
                    }
                });
                loggers.add(thread);
                thread.start();
            }
            for (Thread thread : loggers) {
                thread.join();
            }
            log.flush();
            List<String> lines = Files.readAllLines(log.fileFor(LocalDate.parse("2026-11-26")));
            assertEquals(threads * perThread, lines.size());
            int[] lastNumber = new int[threads];
            for (String line : lines) {
                String[] f = line.split(" ");
                int connection = Integer.parseInt(f[f.length - 2]);
                int number = Integer.parseInt(f[f.length - 1]);
                assertEquals(lastNumber[connection] + 1, number, "each thread's lines in its order");
                lastNumber[connection] = number;
            }
            assertEquals(0, log.dropped());
        }
    }

    @Test
    void closeWritesWhatIsQueuedAndLaterLinesAreDropped() throws IOException {
        AccessLog log = new AccessLog(logs, AccessLogFormat.COMBINED, "Sluice/test", Clock.systemUTC());
        log.log(entry("2026-11-26T10:00:00Z", "/before", "ua"));
        log.close();
        log.log(entry("2026-11-26T10:00:01Z", "/after", "ua")); // returns at once, writes nothing
        log.flush();
        log.close();
        List<String> lines = Files.readAllLines(log.fileFor(LocalDate.parse("2026-11-26")));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("/before"), lines.get(0));
    }
}
