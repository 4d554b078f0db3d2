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
}
