package dev.sluice.distribution.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class ServerMBeanTest {
    @Test
    void figuresAreReadableThroughThePlatformMBeanServer() throws Exception {
        Runnable unregister = ServerMBean.register(StatusHandlerTest::figures);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(ServerMBean.OBJECT_NAME);
        try {
            assertEquals(3, server.getAttribute(name, "BusyWorkers"));
            assertEquals(2, server.getAttribute(name, "QueueDepth"));
            assertEquals(9L, server.getAttribute(name, "RejectedTotal"));
            assertEquals(201.5, server.getAttribute(name, "ServiceTimeP99Millis"));
            TabularData rejected = (TabularData) server.getAttribute(name, "Rejected");
            CompositeData queueFull = rejected.get(new Object[] {"queue_full"});
            assertEquals(7L, queueFull.get("value"));
            assertEquals(0, ((TabularData) server.getAttribute(name, "TlsHandshakes")).size()); // no HTTPS
        } finally {
            unregister.run();
        }
        assertFalse(server.isRegistered(name));
    }

    @Test
    void tlsFiguresAreReadableThroughThePlatformMBeanServer() throws Exception {
        Runnable unregister = ServerMBean.register(StatusHandlerTest::tlsFigures);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(ServerMBean.OBJECT_NAME);
        try {
            TabularData handshakes = (TabularData) server.getAttribute(name, "TlsHandshakes");
            assertEquals(11L, handshakes.get(new Object[] {"completed"}).get("value"));
            assertEquals(4L, handshakes.get(new Object[] {"resumed"}).get("value"));
            assertEquals(2L, handshakes.get(new Object[] {"failed"}).get("value"));
            TabularData negotiated = (TabularData) server.getAttribute(name, "TlsNegotiated");
            assertEquals(8L, negotiated.get(new Object[] {"TLSv1.3 TLS_AES_128_GCM_SHA256"}).get("value"));
        } finally {
            unregister.run();
        }
        assertFalse(server.isRegistered(name));
    }
}
