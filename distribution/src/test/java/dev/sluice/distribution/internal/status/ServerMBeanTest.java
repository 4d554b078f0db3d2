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
        } finally {
            unregister.run();
        }
        assertFalse(server.isRegistered(name));
    }
}
