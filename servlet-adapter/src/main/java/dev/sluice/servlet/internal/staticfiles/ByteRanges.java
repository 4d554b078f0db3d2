package dev.sluice.servlet.internal.staticfiles;

import dev.sluice.core.ByteRange;
import dev.sluice.core.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The Range header of RFC 9110 section 14.1.2 for a file of known length, as the default servlet uses it: the
 * core's parser ({@link dev.sluice.core.ByteRanges}) read as "ignore", "not satisfiable" or these ranges. A value
 * outside the grammar ({@code bytes=,}, {@code bytes=+1-2}, {@code bytes=1 - 2}) is ignored (section 14.2), never
 * answered with 416: this class once had its own lenient parser, which StaticConditionsFuzzTest caught.
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
    private static final Result UNSATISFIABLE = new Result(false, true, List.of());

    private ByteRanges() {
    }

    public static Result parse(String header, long length) {
        dev.sluice.core.ByteRanges parsed = dev.sluice.core.ByteRanges.parse(header, length);
        if (parsed.status().equals(Status.RANGE_NOT_SATISFIABLE)) {
            return UNSATISFIABLE;
        }
        if (!parsed.status().equals(Status.PARTIAL_CONTENT)) {
            return IGNORE;
        }
        List<Range> ranges = new ArrayList<>(parsed.ranges().size());
        for (ByteRange r : parsed.ranges()) {
            ranges.add(new Range(r.first(), r.last()));
        }
        return new Result(false, false, ranges);
    }
}
