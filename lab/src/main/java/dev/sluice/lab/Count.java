package dev.sluice.lab;

/**
 * Everything the load generator counts, per second and in total. Each request ends in exactly one of the
 * outcome counts ({@link #isOutcome()}); the others count events beside them.
 */
public enum Count {
    /** A 2xx response. */
    OK_2XX("2xx", true),
    /** A 503 response, with or without Retry-After. */
    SHED_503("503", true),
    /** Of the 503 responses, those that carried Retry-After (RFC 9110 section 10.2.3). */
    RETRY_AFTER_503("503_retry_after", false),
    /** Any other status. */
    OTHER_STATUS("other_status", true),
    /** The connection was refused: nothing listened, or the listen backlog was full. */
    REFUSED("refused", true),
    CONNECT_TIMEOUT("connect_timeout", true),
    READ_TIMEOUT("read_timeout", true),
    /** Connection reset or broken pipe while the request was in flight. */
    RESET("reset", true),
    /** The server closed the connection before any byte of the response. */
    CLOSED("closed_unanswered", true),
    /** A response that could not be parsed or was cut short. */
    BAD_RESPONSE("bad_response", true),
    /** Requests in flight when the run's time was up; neither success nor failure. */
    ABANDONED("abandoned", true),
    /** Open loop only: requests due before the end that never found a free connection. */
    UNSENT("unsent", false),
    CONNECTIONS_OPENED("connections_opened", false),
    /** Requests written to a socket. */
    SENT("sent", false);

    private final String column;
    private final boolean outcome;

    Count(String column, boolean outcome) {
        this.column = column;
        this.outcome = outcome;
    }

    /** The name used in CSV headers and reports. */
    public String column() {
        return column;
    }

    /** Whether this is one of the mutually exclusive ends of a request. */
    public boolean isOutcome() {
        return outcome;
    }

    /** Whether this outcome is an error of the transport rather than an HTTP answer. */
    public boolean isTransportError() {
        return this == REFUSED || this == CONNECT_TIMEOUT || this == READ_TIMEOUT || this == RESET
                || this == CLOSED || this == BAD_RESPONSE;
    }
}
