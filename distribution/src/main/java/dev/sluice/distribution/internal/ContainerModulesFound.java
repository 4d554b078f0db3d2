package dev.sluice.distribution.internal;

import dev.sluice.servlet.ContainerModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container modules in the server's {@code lib/} (WebSocket, JSP...), found once by the server so that it
 * can hand the same instances to the servlet container, read their figures for the status page and tell them
 * of a stop. See docs/servlet-adapter.md, "Adding a container module".
 */
public final class ContainerModulesFound {
    private static final Logger LOG = Logger.getLogger("dev.sluice.server");

    private ContainerModulesFound() {
    }

    /** @throws StartupException naming a module that cannot be loaded */
    public static List<ContainerModule> onClassPath() {
        List<ContainerModule> found = new ArrayList<>();
        try {
            for (ContainerModule m : ServiceLoader.load(ContainerModule.class, ContainerModule.class.getClassLoader())) {
                found.add(m);
                LOG.info("Container module " + m.name() + " from " + m.getClass().getName());
            }
        } catch (ServiceConfigurationError e) {
            throw new StartupException("A container module cannot be loaded: " + e.getMessage());
        }
        return List.copyOf(found);
    }

    /** Every module's figures, in module order; a module that fails is left out (the page still renders). */
    public static Map<String, Long> figures(List<ContainerModule> modules) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (ContainerModule m : modules) {
            try {
                all.putAll(m.figures());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Module " + m.name() + " has no figures now", e);
            }
        }
        return all;
    }

    /** Tells one module the server stops; a failure is logged and the stop goes on. */
    public static void serverStopping(ContainerModule m) {
        try {
            m.serverStopping();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Module " + m.name() + " failed to prepare for the stop", e);
        }
    }
}
