package dev.sluice.servlet.internal.staticfiles;

import java.util.ArrayList;
import java.util.List;

/**
 * The Range header of RFC 9110 section 14.1.2 for a representation of known length: {@code bytes=} followed by
 * {@code first-last}, {@code first-} or {@code -suffix} ranges. A malformed header is ignored (section 14.2: the
 * server may ignore Range); well-formed ranges none of which is satisfiable give 416.
 */
public final class ByteRanges {
    /** One satisfiable range, inclusive bounds. */
    public record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    /** The outcome: ignore the header, not satisfiable, or these ranges. */
    public record Result(boolean ignore, boolean unsatisfiable, List<Range> ranges) {
    }

    private static final Result IGNORE = new Result(true, false, List.of());
    private static final int MAX_RANGES = 32;

    private ByteRanges() {
    }

    public static Result parse(String header, long length) {
        if (header == null) {
            return IGNORE;
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return IGNORE;
        }
        String[] specs = h.substring(6).split(",");
        if (specs.length > MAX_RANGES) {
            return IGNORE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String spec : specs) {
            String s = spec.trim();
            int dash = s.indexOf('-');
            if (dash < 0) {
                return IGNORE;
            }
            String a = s.substring(0, dash).trim();
            String b = s.substring(dash + 1).trim();
            try {
                if (a.isEmpty()) {
                    if (b.isEmpty()) {
                        return IGNORE;
                    }
                    long suffix = Long.parseLong(b);
                    if (suffix < 0) {
                        return IGNORE;
                    }
                    if (suffix > 0 && length > 0) {
                        ranges.add(new Range(Math.max(0, length - suffix), length - 1));
                    }
                } else {
                    long first = Long.parseLong(a);
                    long last = b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b);
                    if (first < 0 || last < first) {
                        return IGNORE;
                    }
                    if (first < length) {
                        ranges.add(new Range(first, Math.min(last, length - 1)));
                    }
                }
            } catch (NumberFormatException e) {
                return IGNORE;
            }
        }
        if (ranges.isEmpty()) {
            return new Result(false, true, List.of());
        }
        return new Result(false, false, ranges);
    }
}
