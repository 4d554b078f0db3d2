package dev.sluice.servlet.internal.session;

import java.io.ObjectInputFilter;

/**
 * Bounds what one stored attribute may make the deserializer do, so a hostile or corrupt blob in the session
 * store (a shared Redis, a session folder) fails as an unreadable attribute instead of exhausting the stack or the
 * heap. These are limits in the manner of {@code jdk.serialFilter}'s {@code maxdepth}, {@code maxarray} and
 * {@code maxrefs}, not a class allow-list: the webapps' classes are not known to the container.
 *
 * <ul>
 *   <li>Nesting depth at most {@value #MAX_DEPTH}: each level is a nested readObject on the request's thread, and
 *       a default 1 MiB thread stack overflows somewhere past a thousand levels.</li>
 *   <li>Array length and object count at most the blob's length in bytes: every array element and every object
 *       takes at least one byte of the stream, so a larger figure can only be a lie that asks for memory the
 *       stream never backs (a few bytes claiming a 2^31-element array).</li>
 * </ul>
 *
 * <p>A JVM-wide filter set by the operator ({@code -Djdk.serialFilter}) still applies: it is asked first, and
 * its rejection stands. One instance per stream, not thread safe; it remembers why it rejected, for the log.
 */
final class SessionReadFilter implements ObjectInputFilter {
    static final int MAX_DEPTH = 500;

    private final long blobBytes;
    private final ObjectInputFilter jvmWide = ObjectInputFilter.Config.getSerialFilter();
    private String rejection;

    SessionReadFilter(long blobBytes) {
        this.blobBytes = blobBytes;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (jvmWide != null) {
            Status status = jvmWide.checkInput(info);
            if (status == Status.REJECTED) {
                return reject("refused by jdk.serialFilter");
            }
        }
        if (info.depth() > MAX_DEPTH) {
            return reject("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (info.arrayLength() > blobBytes) {
            return reject("an array of " + info.arrayLength() + " elements in " + blobBytes + " bytes");
        }
        if (info.references() > blobBytes) {
            return reject("more than " + blobBytes + " objects in " + blobBytes + " bytes");
        }
        return Status.UNDECIDED;
    }

    private Status reject(String why) {
        rejection = why;
        return Status.REJECTED;
    }

    /** Why the stream was refused, or null when it was not. */
    String rejection() {
        return rejection;
    }
}
