package probemodule.impl;

import dev.sluice.servlet.ContainerModule;
import jakarta.servlet.ServletContainerInitializer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny container module for tests of the seam: for every webapp an initializer adds a response header naming
 * the webapp's {@code @Probed} classes, a servlet on {@code *.probe}, and (as a JSP module would) a servlet
 * named {@code jsp} on {@code *.jsp}. Its API is {@code probemodule.api}; this package is its implementation.
 */
public final class ProbeModule implements ContainerModule {
    /** Initializers created, one per webapp deployed. */
    public final AtomicInteger initializersCreated = new AtomicInteger();

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public List<String> apiPackages() {
        return List.of("probemodule.api.");
    }

    @Override
    public List<ServletContainerInitializer> initializers() {
        initializersCreated.incrementAndGet();
        return List.of(new ProbeInitializer());
    }
}
