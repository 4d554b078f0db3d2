package dev.sluice.distribution.internal.accesslog;

import dev.sluice.connector.ExchangeListener;
import dev.sluice.connector.ExchangeRecord;
import dev.sluice.core.Headers;
import dev.sluice.core.RequestHead;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Turns the connector's exchange records into access log entries. Runs on the worker that served the exchange,
 * so it only copies fields: the text of the line is made by the log's writer thread.
 */
public final class AccessLogListener implements ExchangeListener {
    private final AccessLog log;

    public AccessLogListener(AccessLog log) {
        this.log = log;
    }

    @Override
    public void exchangeCompleted(ExchangeRecord r) {
        RequestHead head = r.head();
        Headers headers = head.headers();
        InetSocketAddress local = r.localAddress();
        log.log(new AccessEntry(r.startedMillis(), address(r.remoteAddress()), address(local),
                local == null ? 0 : local.getPort(), head.method().name(), head.target(), head.version().text(),
                r.status(), r.contentBytes(), headers.get("Referer"), headers.get("User-Agent"), null,
                TimeUnit.NANOSECONDS.toMillis(r.queueNanos() + r.serviceNanos()),
                TimeUnit.NANOSECONDS.toMillis(r.queueNanos()), r.connectionId(), r.requestNumber()));
    }

    private static InetAddress address(InetSocketAddress address) {
        return address == null ? null : address.getAddress();
    }
}
