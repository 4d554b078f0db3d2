package dev.sluice.distribution.internal.status;

import java.util.Map;

/** The live figures as JMX attributes, under {@code dev.sluice:type=Server} (visible in JConsole). */
public interface ServerMXBean {
    long getUptimeMillis();

    int getOpenConnections();

    int getIdleConnections();

    int getMaxConnections();

    int getBusyWorkers();

    int getMaxThreads();

    int getQueueDepth();

    int getAcceptQueue();

    long getAcceptedConnections();

    long getCompletedRequests();

    long getBytesReceived();

    long getBytesSent();

    /** 503s sent by the connector itself, by reason. */
    Map<String, Long> getRejected();

    long getRejectedTotal();

    double getQueueTimeP99Millis();

    double getServiceTimeP50Millis();

    double getServiceTimeP99Millis();

    Map<String, Long> getRequestsPerWebapp();

    /**
     * TLS handshakes of the HTTPS listener: in_progress, completed, resumed (of those completed), failed,
     * timed_out, refused, plaintext_refused; empty without an HTTPS listener.
     */
    Map<String, Long> getTlsHandshakes();

    /** Completed TLS handshakes by {@code "<protocol> <cipher suite>"}. */
    Map<String, Long> getTlsNegotiated();
}
