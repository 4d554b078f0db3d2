package dev.sluice.distribution.internal.accesslog;

import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The text of times and addresses in access log lines, remembered while it stays the same: a time is formatted
 * once a second (not once a line), the day's file is looked up once a day, and an address is turned into text
 * again only when the next line has another one. At 100,000 lines a second this is most of a line's cost.
 *
 * <p>Not thread-safe: one per writer thread (or per call, in tests).
 */
final class LineClock {
    private static final DateTimeFormatter NCSA_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);
    private static final DateTimeFormatter W3C_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US).withZone(ZoneOffset.UTC);

    private final ZoneId zone;
    private final DateTimeFormatter ncsa;
    private long ncsaSecond = Long.MIN_VALUE;
    private String ncsaText;
    private long w3cSecond = Long.MIN_VALUE;
    private String w3cText;
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private LocalDate day;
    private InetAddress lastAddress;
    private String lastAddressText = "-"; // the text of null, the initial lastAddress
    private InetAddress lastServer;
    private String lastServerText = "-";

    /** @param zone the server's time zone: NCSA times and the day of each file are local to it */
    LineClock(ZoneId zone) {
        this.zone = zone;
        this.ncsa = NCSA_TIME.withZone(zone);
    }

    /** {@code 26/Nov/2026:18:35:09 +0530}, local time with its offset, as Apache writes it. */
    String ncsa(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != ncsaSecond) {
            ncsaText = ncsa.format(Instant.ofEpochSecond(second));
            ncsaSecond = second;
        }
        return ncsaText;
    }

    /** {@code 2026-11-26 13:05:09}, UTC, as IIS writes it. */
    String w3c(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != w3cSecond) {
            w3cText = W3C_TIME.format(Instant.ofEpochSecond(second));
            w3cSecond = second;
        }
        return w3cText;
    }

    /** The local date of {@code epochMillis}. */
    LocalDate day(long epochMillis) {
        if (epochMillis < dayStart || epochMillis >= dayEnd) {
            day = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
            ZonedDateTime start = day.atStartOfDay(zone);
            dayStart = start.toInstant().toEpochMilli();
            dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        return day;
    }

    /** The client's address as text ({@code -} when unknown). */
    String client(InetAddress address) {
        if (!Objects.equals(address, lastAddress)) { // equal, not the same: each connection has its own object
            lastAddressText = text(address);
            lastAddress = address;
        }
        return lastAddressText;
    }

    /** The server's address as text ({@code -} when unknown). */
    String server(InetAddress address) {
        if (!Objects.equals(address, lastServer)) {
            lastServerText = text(address);
            lastServer = address;
        }
        return lastServerText;
    }

    private static String text(InetAddress address) {
        return address == null ? "-" : address.getHostAddress();
    }
}
