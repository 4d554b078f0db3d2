package dev.sluice.servlet.internal.module;

import dev.sluice.servlet.ContainerModule;
import jakarta.servlet.ServletContainerInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * The container modules every webapp of one container gets, and what they add up to: the API packages webapps
 * share with the container, and each webapp's module initializers. Immutable.
 */
public final class ContainerModules {
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    /** What the servlet API always shares; the class loaders add the modules' API packages to it. */
    private static final List<String> SERVLET_API = List.of("jakarta.servlet.", "jakarta.annotation.");

    private final List<ContainerModule> modules;

    public ContainerModules(List<ContainerModule> modules) {
        this.modules = List.copyOf(modules);
        for (ContainerModule m : this.modules) {
            for (String prefix : m.apiPackages()) {
                if (!prefix.endsWith(".") || prefix.startsWith(".")) {
                    throw new IllegalArgumentException("Module " + m.name() + ": API package '" + prefix
                            + "' must be a package prefix ending in a dot, such as 'jakarta.el.'");
                }
            }
            for (String className : m.apiClasses()) {
                if (className.endsWith(".") || className.startsWith(".") || className.isEmpty()) {
                    throw new IllegalArgumentException("Module " + m.name() + ": API class '" + className
                            + "' must be a class's binary name, such as 'org.apache.tomcat.InstanceManager'");
                }
            }
        }
    }

    /**
     * Gives each module the settings it declares; all are applied before any webapp deploys.
     *
     * @throws IllegalArgumentException for a key no module declares, or a value the module refuses, naming the key
     */
    public void applySettings(Map<String, String> settings) {
        settings.forEach((key, value) -> {
            boolean taken = false;
            for (ContainerModule m : modules) {
                if (m.settingKeys().contains(key)) {
                    m.setting(key, value.trim());
                    taken = true;
                }
            }
            if (!taken) {
                throw new IllegalArgumentException("Unknown setting " + key + " (no container module "
                        + modules.stream().map(ContainerModule::name).toList() + " takes it)");
            }
        });
    }

    /**
     * The modules {@code serverLoader} (the class loader of the servlet adapter: the server's class path)
     * declares in META-INF/services/dev.sluice.servlet.ContainerModule, in class path order.
     *
     * @throws IllegalStateException naming the module that cannot be loaded
     */
    public static ContainerModules discover(ClassLoader serverLoader) {
        List<ContainerModule> found = new ArrayList<>();
        try {
            for (ContainerModule m : ServiceLoader.load(ContainerModule.class, serverLoader)) {
                found.add(m);
                LOG.info("Container module " + m.name() + " from " + m.getClass().getName());
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("A container module cannot be loaded: " + e.getMessage(), e);
        }
        return new ContainerModules(found);
    }

    public List<ContainerModule> all() {
        return modules;
    }

    /**
     * What webapps load from the container: the servlet API's packages, then each module's API packages (prefixes
     * ending in a dot) and API classes (binary names, no trailing dot).
     */
    public List<String> sharedPackages() {
        List<String> shared = new ArrayList<>(SERVLET_API);
        modules.forEach(m -> shared.addAll(m.apiPackages()));
        modules.forEach(m -> shared.addAll(m.apiClasses()));
        return List.copyOf(shared);
    }

    /** New initializers of every module for one webapp, in module order. */
    public List<ServletContainerInitializer> initializersForOneWebapp() {
        List<ServletContainerInitializer> all = new ArrayList<>();
        for (ContainerModule m : modules) {
            all.addAll(m.initializers());
        }
        return all;
    }
}
