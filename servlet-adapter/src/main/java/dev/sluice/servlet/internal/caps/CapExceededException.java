package dev.sluice.servlet.internal.caps;

/**
 * A request went past a {@link Cap}. An IllegalStateException, as HttpServletRequest.getSession(true) and
 * getParts document for a request that cannot be served so; a servlet that lets it escape sends its client
 * {@link #status()} with the one-line message (and Retry-After with a 503), not a 500.
 */
public final class CapExceededException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final Cap cap;

    public CapExceededException(Cap cap, long limit) {
        super(cap.message(limit));
        this.cap = cap;
    }

    public Cap cap() {
        return cap;
    }

    public int status() {
        return cap.status();
    }

    /** The first CapExceededException in the cause chain of {@code t}, or null. */
    public static CapExceededException in(Throwable t) {
        for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof CapExceededException e) {
                return e;
            }
            if (t instanceof jakarta.servlet.ServletException se && se.getRootCause() != null
                    && se.getRootCause() != se.getCause()) {
                CapExceededException e = in(se.getRootCause());
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }
}
