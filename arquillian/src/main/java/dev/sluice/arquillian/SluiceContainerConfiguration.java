package dev.sluice.arquillian;

import dev.sluice.core.Limits;
import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * Settings of the embedded container, from the {@code <configuration>} of {@code arquillian.xml}:
 * <pre>{@code
 * <container qualifier="sluice" default="true">
 *   <configuration>
 *     <property name="bindAddress">127.0.0.1</property>
 *     <property name="bindHttpPort">0</property>              <!-- 0: a free port -->
 *     <property name="limits">maxThreads=8, acceptQueue=16</property>
 *   </configuration>
 * </container>
 * }</pre>
 * {@code limits} takes the keys and value syntax of {@code conf/sluice.properties}, separated by commas or new
 * lines.
 */
public class SluiceContainerConfiguration implements ContainerConfiguration {
    private String bindAddress = "127.0.0.1";
    private int bindHttpPort;
    private String limits = "";

    @Override
    public void validate() throws ConfigurationException {
        if (bindHttpPort < 0 || bindHttpPort > 65535) {
            throw new ConfigurationException("bindHttpPort must be 0-65535, was " + bindHttpPort);
        }
        try {
            toLimits();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("limits: " + e.getMessage());
        }
    }

    /** The limits this configuration names, over the defaults. */
    public Limits toLimits() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(limits.replace(',', '\n')));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return Limits.fromProperties(p, Limits.DEFAULTS);
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public int getBindHttpPort() {
        return bindHttpPort;
    }

    public void setBindHttpPort(int bindHttpPort) {
        this.bindHttpPort = bindHttpPort;
    }

    public String getLimits() {
        return limits;
    }

    public void setLimits(String limits) {
        this.limits = limits == null ? "" : limits;
    }
}
