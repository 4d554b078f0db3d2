package dev.sluice.servlet;

import dev.sluice.core.HttpException;
import dev.sluice.core.Status;

/**
 * A {@link SessionPersistence} could not answer in time: the request that needed the session gets 503 with this
 * one-line message (never the cause's text, which may name hosts), and the store logs the cause once per outage.
 */
public class SessionStoreUnavailableException extends HttpException {
    private static final long serialVersionUID = 1L;

    private final String detail;

    /** @param detail what failed, for the server's log only (a timeout, a refused connection) */
    public SessionStoreUnavailableException(String detail) {
        super(Status.SERVICE_UNAVAILABLE, "Service Unavailable: the session store does not answer");
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
