package dev.sluice.distribution.internal.accesslog;

import java.time.Instant;

/** What the access log records of one exchange. Plain data, filled from the connector's exchange record. */
public final class AccessEntry {
    public final Instant received;
    public final String clientIp;
    public final String serverIp;
    public final int serverPort;
    public final String method;
    /** The request-target as received, path and query. */
    public final String target;
    public final String protocol;
    public final int status;
    /** Content bytes sent, without the head; -1 for none. */
    public final long bytesSent;
    public final String referer;
    public final String userAgent;
    public final String user;
    public final long timeTakenMillis;
    public final long queueMillis;
    public final long connectionId;
    public final int requestNumber;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public AccessEntry(Instant received, String clientIp, String serverIp, int serverPort, String method,
                       String target, String protocol, int status, long bytesSent, String referer,
                       String userAgent, String user, long timeTakenMillis, long queueMillis, long connectionId,
                       int requestNumber) {
        this.received = received;
        this.clientIp = clientIp;
        this.serverIp = serverIp;
        this.serverPort = serverPort;
        this.method = method;
        this.target = target;
        this.protocol = protocol;
        this.status = status;
        this.bytesSent = bytesSent;
        this.referer = referer;
        this.userAgent = userAgent;
        this.user = user;
        this.timeTakenMillis = timeTakenMillis;
        this.queueMillis = queueMillis;
        this.connectionId = connectionId;
        this.requestNumber = requestNumber;
    }
}
