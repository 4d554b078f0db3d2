package dev.sluice.core;

/**
 * A request that cannot be served as sent. Carries the status to answer with and a short message that is safe
 * to show to the client (it never echoes request bytes beyond what the message names).
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Status status;

    public HttpException(Status status, String safeMessage) {
        super(safeMessage, null, false, false);
        this.status = status;
    }

    public HttpException(int statusCode, String safeMessage) {
        this(Status.of(statusCode), safeMessage);
    }

    public Status status() {
        return status;
    }

    public static HttpException badRequest(String safeMessage) {
        return new HttpException(Status.BAD_REQUEST, safeMessage);
    }
}
