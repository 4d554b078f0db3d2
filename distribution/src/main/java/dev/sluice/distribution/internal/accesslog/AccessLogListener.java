package dev.sluice.distribution.internal.accesslog;

import dev.sluice.connector.ExchangeListener;
import dev.sluice.connector.ExchangeRecord;
import dev.sluice.core.Headers;
import dev.sluice.core.RequestHead;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Turns the connector's exchange records into access log lines. */
public final class AccessLogListener implements ExchangeListener {
    private final AccessLog log;

    public AccessLogListener(AccessLog log) {
        this.log = log;
    }

    @Override
    public void exchangeCompleted(ExchangeRecord r) {
        RequestHead head = r.head();
        Headers headers = head.headers();
        log.log(new AccessEntry(Instant.ofEpochMilli(r.startedMillis()), ip(r.remoteAddress()),
                ip(r.localAddress()), r.localAddress() == null ? 0 : r.localAddress().getPort(),
                head.method().name(), head.target(), head.version().text(), r.status(), r.contentBytes(),
                headers.get("Referer"), headers.get("User-Agent"), null,
                TimeUnit.NANOSECONDS.toMillis(r.queueNanos() + r.serviceNanos()),
                TimeUnit.NANOSECONDS.toMillis(r.queueNanos()), r.connectionId(), r.requestNumber()));
    }

    private static String ip(InetSocketAddress address) {
        return address == null || address.getAddress() == null ? "-" : address.getAddress().getHostAddress();
    }
}
