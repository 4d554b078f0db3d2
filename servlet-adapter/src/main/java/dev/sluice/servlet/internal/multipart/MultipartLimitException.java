package dev.sluice.servlet.internal.multipart;

/**
 * A multipart request over a limit: max-request-size or max-file-size of the servlet's multipart config (an
 * IllegalStateException, as HttpServletRequest.getParts specifies), or the container's parameter limits.
 * Uncaught, the client gets {@link #status()} (413 for sizes, as Tomcat's FailedRequestFilter answers) and
 * this one-line reason.
 */
public final class MultipartLimitException extends IllegalStateException implements UploadFailure {
    private static final long serialVersionUID = 1L;

    private final int status;

    public MultipartLimitException(int status, String safeMessage) {
        super(safeMessage);
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
