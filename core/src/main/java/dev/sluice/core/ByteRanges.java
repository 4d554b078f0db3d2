package dev.sluice.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A Range request (RFC 9110 section 14) resolved against a representation's length: what to send and with which
 * status. Only the {@code bytes} unit exists. Immutable.
 *
 * <p>Use after {@link Preconditions#evaluate} answered 206 (a GET with a Range and no failing If-Range):
 * <ul>
 * <li>{@link Status#OK}: no Range, another unit, invalid syntax, or too many ranges. A server may ignore a
 *     Range field (section 14.2), and ignoring is what the section asks for an invalid one: send everything.</li>
 * <li>{@link Status#PARTIAL_CONTENT}: one or more satisfiable ranges, in the order asked, not coalesced (section
 *     14.2 allows either). One range: a {@code Content-Range} from {@link #contentRange()}; several: a
 *     {@code multipart/byteranges} body (section 14.6) built with {@link #partHead} and
 *     {@link #closingDelimiter}.</li>
 * <li>{@link Status#RANGE_NOT_SATISFIABLE}: none satisfiable; send {@code Content-Range: bytes *}{@code /length}
 *     (section 15.5.17), from {@link #contentRange()}.</li>
 * </ul>
 */
public final class ByteRanges {
    /** More ranges than this in one request are ignored: a guard against many-small-ranges abuse (14.2). */
    public static final int DEFAULT_MAX_RANGES = 16;

    private final Status status;
    private final List<ByteRange> ranges;
    private final long length;

    private ByteRanges(Status status, List<ByteRange> ranges, long length) {
        this.status = status;
        this.ranges = ranges;
        this.length = length;
    }

    /** {@link #parse(String, long, int)} with {@link #DEFAULT_MAX_RANGES}. */
    public static ByteRanges parse(String range, long length) {
        return parse(range, length, DEFAULT_MAX_RANGES);
    }

    /**
     * Resolves the Range field value {@code range} (null when absent) against a representation of {@code length}
     * bytes. Grammar (section 14.1.2): {@code bytes=} then a comma list of {@code first-last}, {@code first-} and
     * {@code -suffix}; the unit is case-insensitive, spaces are allowed around list elements, empty elements are
     * skipped (section 5.6.1). A range with last before first makes the whole field invalid. A range is
     * satisfiable when its first byte exists, or when it is a non-zero suffix of a non-empty representation; a
     * last past the end is cut to the end, a suffix longer than the representation is all of it.
     */
    public static ByteRanges parse(String range, long length, int maxRanges) {
        if (length < 0) {
            throw new IllegalArgumentException("Negative length " + length);
        }
        ByteRanges ignored = new ByteRanges(Status.OK, List.of(), length);
        if (range == null) {
            return ignored;
        }
        int equals = range.indexOf('=');
        if (equals < 0 || !ows(range.substring(0, equals)).toLowerCase(Locale.ROOT).equals("bytes")) {
            return ignored;
        }
        List<ByteRange> satisfiable = new ArrayList<>(2);
        int specs = 0;
        for (String element : range.substring(equals + 1).split(",", -1)) {
            String spec = ows(element);
            if (spec.isEmpty()) {
                continue;
            }
            if (++specs > maxRanges) {
                return ignored;
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return ignored;
            }
            long first = dash == 0 ? -1 : number(spec, 0, dash);
            long last = dash == spec.length() - 1 ? -1 : number(spec, dash + 1, spec.length());
            if ((dash > 0 && first < 0) || (dash < spec.length() - 1 && last < 0) || (dash == 0 && last < 0)) {
                return ignored;
            }
            if (dash == 0) {
                if (last > 0 && length > 0) {
                    satisfiable.add(new ByteRange(Math.max(0, length - last), length - 1));
                }
            } else if (last >= 0 && last < first) {
                return ignored;
            } else if (first < length) {
                satisfiable.add(new ByteRange(first, last < 0 ? length - 1 : Math.min(last, length - 1)));
            }
        }
        if (specs == 0) {
            return ignored;
        }
        if (satisfiable.isEmpty()) {
            return new ByteRanges(Status.RANGE_NOT_SATISFIABLE, List.of(), length);
        }
        return new ByteRanges(Status.PARTIAL_CONTENT, Collections.unmodifiableList(satisfiable), length);
    }

    /**
     * Without surrounding OWS, which is SP and HTAB only (RFC 9110 section 5.6.3): String.trim also dropped control
     * characters, so {@code bytes=\u0001 0-9} was honoured (found by ByteRangesFuzzTest).
     */
    private static String ows(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    /** {@code 1*DIGIT} from {@code from} to {@code to}; saturates at Long.MAX_VALUE; -1 when not digits. */
    private static long number(String s, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : n * 10 + (c - '0');
        }
        return to > from ? n : -1;
    }

    public Status status() {
        return status;
    }

    /** The satisfiable ranges in the order asked; empty unless the status is 206. */
    public List<ByteRange> ranges() {
        return ranges;
    }

    /** Whether the 206 needs a multipart/byteranges body: more than one range. */
    public boolean isMultipart() {
        return ranges.size() > 1;
    }

    /**
     * The Content-Range value: {@code bytes first-last/length} for a single-range 206, {@code bytes *}{@code
     * /length} for 416, null otherwise (a multipart 206 puts one in each part).
     */
    public String contentRange() {
        if (status.code() == 416) {
            return "bytes */" + length;
        }
        return ranges.size() == 1 ? ranges.get(0).contentRange(length) : null;
    }

    /**
     * The delimiter and header fields that open one part of a multipart/byteranges body (section 14.6), to be
     * followed by the range's bytes. {@code contentType} may be null.
     */
    public String partHead(String boundary, String contentType, ByteRange range) {
        return "\r\n--" + boundary + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Range: " + range.contentRange(length) + "\r\n\r\n";
    }

    /** The delimiter that ends a multipart/byteranges body. */
    public static String closingDelimiter(String boundary) {
        return "\r\n--" + boundary + "--\r\n";
    }

    /** The exact length of the multipart/byteranges body {@link #partHead} builds, for its Content-Length. */
    public long multipartLength(String boundary, String contentType) {
        long total = closingDelimiter(boundary).length();
        for (ByteRange r : ranges) {
            total += partHead(boundary, contentType, r).getBytes(StandardCharsets.ISO_8859_1).length + r.length();
        }
        return total;
    }
}
