package dev.sluice.core;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * HTTP-date (RFC 9110 section 5.6.7): the value of the {@code Date} header, formatted at most once per second
 * however many responses ask, plus formatting and parsing of any date field.
 *
 * <p>Thread-safe: the cache is one immutable pair swapped through a volatile field. Two threads crossing a second
 * boundary together may both format; that costs one extra string, never a wrong date.
 */
public final class HttpDate {
    /** IMF-fixdate: always two-digit day, English names, GMT. (RFC_1123_DATE_TIME would drop the day's zero.) */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US)
                    .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    /**
     * Obsolete RFC 850 format after its day name, e.g. {@code 06-Nov-94 08:49:37 GMT}. The day name is skipped:
     * it could not be checked before the century is known.
     */
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("dd-MMM-uu HH:mm:ss 'GMT'", Locale.US)
                    .withResolverStyle(ResolverStyle.STRICT);
    /** Obsolete asctime format, e.g. {@code Sun Nov  6 08:49:37 1994}. */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US)
                    .withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;
    private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    public HttpDate(Clock clock) {
        this.clock = clock;
    }

    public HttpDate() {
        this(Clock.systemUTC());
    }

    /** The current date, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}; the same String object within a second. */
    public String now() {
        long second = Math.floorDiv(clock.millis(), 1000);
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, format(Instant.ofEpochSecond(second)));
            cached = c;
        }
        return c.text;
    }

    /** {@code when}, truncated to the second, as IMF-fixdate: the only format a sender may generate. */
    public static String format(Instant when) {
        return IMF_FIXDATE.format(when.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Parses an HTTP-date in any of the three formats a recipient must accept (RFC 9110 section 5.6.7):
     * IMF-fixdate, RFC 850 and asctime. A two-digit RFC 850 year that would lie more than 50 years in the future
     * is read as the most recent past year with those digits, as the section requires.
     *
     * @return the instant, or null when {@code value} is null or fits none of the formats
     */
    public static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        String s = value.trim();
        try {
            if (s.length() == 29 && s.charAt(3) == ',') {
                return LocalDateTime.parse(s, IMF_FIXDATE).toInstant(ZoneOffset.UTC);
            }
            if (s.length() == 24 && s.charAt(3) == ' ') {
                return LocalDateTime.parse(s, ASCTIME).toInstant(ZoneOffset.UTC);
            }
            int comma = s.indexOf(", ");
            if (comma > 0 && s.indexOf('-') > comma) {
                LocalDateTime t = LocalDateTime.parse(s.substring(comma + 2), RFC_850);
                int thisYear = LocalDateTime.now(ZoneOffset.UTC).getYear();
                // "uu" reads 2000-2099; move back a century when that is over 50 years ahead.
                if (t.getYear() > thisYear + 50) {
                    t = t.minusYears(100);
                }
                return t.toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static final class Cached {
        final long second;
        final String text;

        Cached(long second, String text) {
            this.second = second;
            this.text = text;
        }
    }
}
