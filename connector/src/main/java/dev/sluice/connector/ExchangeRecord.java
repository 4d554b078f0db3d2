package dev.sluice.connector;

import dev.sluice.core.RequestHead;
import java.net.InetSocketAddress;

/** What happened in one exchange, for an {@link ExchangeListener}. Immutable. */
public final class ExchangeRecord {
    private final RequestHead head;
    private final InetSocketAddress remoteAddress;
    private final InetSocketAddress localAddress;
    private final int status;
    private final long contentBytes;
    private final long startedMillis;
    private final long queueNanos;
    private final long serviceNanos;
    private final long connectionId;
    private final int requestNumber;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public ExchangeRecord(RequestHead head, InetSocketAddress remoteAddress, InetSocketAddress localAddress,
                          int status, long contentBytes, long startedMillis, long queueNanos, long serviceNanos,
                          long connectionId, int requestNumber) {
        this.head = head;
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.status = status;
        this.contentBytes = contentBytes;
        this.startedMillis = startedMillis;
        this.queueNanos = queueNanos;
        this.serviceNanos = serviceNanos;
        this.connectionId = connectionId;
        this.requestNumber = requestNumber;
    }

    public RequestHead head() { return head; }

    public InetSocketAddress remoteAddress() { return remoteAddress; }

    public InetSocketAddress localAddress() { return localAddress; }

    /** The status sent. */
    public int status() { return status; }

    /** Content bytes the handler wrote (for HEAD, those it would have sent), without head or chunk framing. */
    public long contentBytes() { return contentBytes; }

    /** When a worker started the exchange, in epoch milliseconds of the connector's clock. */
    public long startedMillis() { return startedMillis; }

    /** Time the request waited in the queue for a worker; 0 for a pipelined request run right after another. */
    public long queueNanos() { return queueNanos; }

    /** Time from a worker starting the exchange to its response being complete. */
    public long serviceNanos() { return serviceNanos; }

    public long connectionId() { return connectionId; }

    /** The request's number on its connection, from 1. */
    public int requestNumber() { return requestNumber; }
}
