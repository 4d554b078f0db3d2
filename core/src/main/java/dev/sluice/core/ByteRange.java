package dev.sluice.core;

/**
 * One satisfiable byte range of a representation, both ends inclusive, already resolved against its length
 * (RFC 9110 section 14.1.2): {@code first <= last < length}.
 */
public record ByteRange(long first, long last) {
    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("Invalid byte range " + first + "-" + last);
        }
    }

    /** How many bytes the range covers. */
    public long length() {
        return last - first + 1;
    }

    /** The Content-Range value for this range of a representation of {@code total} bytes (section 14.4). */
    public String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }
}
