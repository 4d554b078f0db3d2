package dev.sluice.servlet.internal.multipart;

/**
 * An upload the container refused; if the servlet lets it escape, the client gets {@link #status()} and the
 * exception's one-line message (unless the webapp maps the exception type to an error page).
 */
public interface UploadFailure {
    public int status();

    /** The first UploadFailure in the cause chain of {@code t}, or null. */
    public static UploadFailure in(Throwable t) {
        for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof UploadFailure f) {
                return f;
            }
            if (t instanceof jakarta.servlet.ServletException se && se.getRootCause() != null
                    && se.getRootCause() != se.getCause()) {
                UploadFailure f = in(se.getRootCause());
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
