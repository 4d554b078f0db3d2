package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpDateTest {

    /** A clock whose time the test sets. */
    static final class MutableClock extends Clock {
        final AtomicLong millis = new AtomicLong();

        MutableClock(Instant start) {
            millis.set(start.toEpochMilli());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }

    @Test
    void nowIsFormattedOncePerSecond() { // RFC 9110 section 6.6.1, formatted at most once per second
        MutableClock clock = new MutableClock(Instant.parse("1994-11-06T08:49:37.000Z"));
        HttpDate date = new HttpDate(clock);
        String first = date.now();
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", first);
        clock.millis.set(Instant.parse("1994-11-06T08:49:37.999Z").toEpochMilli());
        assertSame(first, date.now(), "same second: the cached string, not a new one");
        clock.millis.set(Instant.parse("1994-11-06T08:49:38.000Z").toEpochMilli());
        String next = date.now();
        assertNotSame(first, next);
        assertEquals("Sun, 06 Nov 1994 08:49:38 GMT", next);
    }

    @Test
    void beforeTheEpochStillRoundsDown() {
        MutableClock clock = new MutableClock(Instant.parse("1969-12-31T23:59:59.500Z"));
        assertEquals("Wed, 31 Dec 1969 23:59:59 GMT", new HttpDate(clock).now());
    }

    @ParameterizedTest(name = "RFC 9110 5.6.7 format {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1994-11-06T08:49:37Z|Sun, 06 Nov 1994 08:49:37 GMT",
            "2026-01-01T00:00:00.999Z|Thu, 01 Jan 2026 00:00:00 GMT",
            "2000-02-29T23:59:59Z|Tue, 29 Feb 2000 23:59:59 GMT",
    })
    void format(String instant, String expected) {
        assertEquals(expected, HttpDate.format(Instant.parse(instant)));
    }

    /** Expected "null" means the value is not an HTTP-date and must be ignored. */
    @ParameterizedTest(name = "RFC 9110 5.6.7 parse [{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "Sun, 06 Nov 1994 08:49:37 GMT|1994-11-06T08:49:37Z",
            "  Sun, 06 Nov 1994 08:49:37 GMT  |1994-11-06T08:49:37Z",
            "Sunday, 06-Nov-94 08:49:37 GMT|1994-11-06T08:49:37Z",
            "Thursday, 01-Jan-26 00:00:00 GMT|2026-01-01T00:00:00Z",
            "Sun Nov  6 08:49:37 1994|1994-11-06T08:49:37Z",
            "Thu Jan 15 12:00:00 2026|2026-01-15T12:00:00Z",
            "Sun, 6 Nov 1994 08:49:37 GMT|null",
            "Sun, 06 Nov 1994 08:49:37 UTC|null",
            "Sun, 06 Nov 1994 08:49:37 +0000|null",
            "sun, 06 nov 1994 08:49:37 GMT|null",
            "Mon, 06 Nov 1994 08:49:37 GMT|null",
            "Sun, 31 Feb 1994 08:49:37 GMT|null",
            "Sun, 06 Nov 1994 25:49:37 GMT|null",
            "1994-11-06T08:49:37Z|null",
            "0|null",
            "''|null",
    })
    void parse(String value, String expected) {
        assertEquals(expected == null ? null : Instant.parse(expected), HttpDate.parse(value));
    }

    @Test
    void rfc850YearMoreThanFiftyYearsAheadIsInThePast() { // RFC 9110 section 5.6.7
        int nextCentury = (Instant.now().atZone(ZoneOffset.UTC).getYear() + 60) % 100;
        String twoDigits = String.format("%02d", nextCentury);
        Instant parsed = HttpDate.parse("Monday, 01-Jan-" + twoDigits + " 00:00:00 GMT");
        int year = parsed == null ? -1 : parsed.atZone(ZoneOffset.UTC).getYear();
        // The day name is not checked for RFC 850, so any year ending in those digits parses.
        assertEquals(true, year > 1900 && year <= Instant.now().atZone(ZoneOffset.UTC).getYear(), "year " + year);
        assertEquals(nextCentury, year % 100);
    }
}
