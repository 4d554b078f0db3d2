package dev.sluice.distribution.internal.accesslog;

import java.net.InetAddress;

/**
 * What the access log records of one exchange. Plain data, taken from the connector's exchange record on the
 * worker without any formatting: turning addresses and times into text is the log writer thread's job.
 */
public final class AccessEntry {
    /** When a worker started the exchange, epoch milliseconds. */
    public final long receivedMillis;
    /** The client (as trusted proxies reported it), or null when unknown. */
    public final InetAddress client;
    /** The local address the request came in on, or null. */
    public final InetAddress server;
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
    public AccessEntry(long receivedMillis, InetAddress client, InetAddress server, int serverPort, String method,
                       String target, String protocol, int status, long bytesSent, String referer,
                       String userAgent, String user, long timeTakenMillis, long queueMillis, long connectionId,
                       int requestNumber) {
        this.receivedMillis = receivedMillis;
        this.client = client;
        this.server = server;
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
