package dev.sluice.distribution.internal.status;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Publishes {@link ServerFigures} through JMX; each attribute read takes a fresh snapshot. */
public final class ServerMBean implements ServerMXBean {
    public static final String OBJECT_NAME = "dev.sluice:type=Server";
    private static final Logger LOG = Logger.getLogger(ServerMBean.class.getName());

    private final Supplier<ServerFigures> figures;

    public ServerMBean(Supplier<ServerFigures> figures) {
        this.figures = figures;
    }

    /** Registers with the platform MBean server; returns a handle that unregisters, or a no-op on failure. */
    public static Runnable register(Supplier<ServerFigures> figures) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new ServerMBean(figures), name);
            return () -> {
                try {
                    server.unregisterMBean(name);
                } catch (JMException e) {
                    LOG.fine("MBean already gone: " + e.getMessage());
                }
            };
        } catch (JMException e) {
            LOG.warning("Cannot publish figures through JMX: " + e.getMessage());
            return () -> { };
        }
    }

    @Override public long getUptimeMillis() { return figures.get().uptimeMillis; }
    @Override public int getOpenConnections() { return figures.get().openConnections; }
    @Override public int getIdleConnections() { return figures.get().idleConnections; }
    @Override public int getMaxConnections() { return figures.get().maxConnections; }
    @Override public int getBusyWorkers() { return figures.get().busyWorkers; }
    @Override public int getMaxThreads() { return figures.get().maxThreads; }
    @Override public int getQueueDepth() { return figures.get().queueDepth; }
    @Override public int getAcceptQueue() { return figures.get().acceptQueue; }
    @Override public long getAcceptedConnections() { return figures.get().accepted; }
    @Override public long getCompletedRequests() { return figures.get().completed; }
    @Override public long getBytesReceived() { return figures.get().bytesIn; }
    @Override public long getBytesSent() { return figures.get().bytesOut; }
    @Override public Map<String, Long> getRejected() { return figures.get().rejected; }
    @Override public long getRejectedTotal() { return figures.get().rejectedTotal(); }
    @Override public double getQueueTimeP99Millis() { return figures.get().queueTime.p99; }
    @Override public double getServiceTimeP50Millis() { return figures.get().serviceTime.p50; }
    @Override public double getServiceTimeP99Millis() { return figures.get().serviceTime.p99; }
    @Override public Map<String, Long> getRequestsPerWebapp() { return figures.get().requestsPerWebapp; }
    @Override public Map<String, Long> getTlsHandshakes() { return figures.get().tlsHandshakes; }
    @Override public Map<String, Long> getTlsNegotiated() { return figures.get().tlsNegotiated; }
}
