package dev.sluice.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers the embedded Sluice container with Arquillian (found through META-INF/services). */
public final class SluiceExtension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, SluiceDeployableContainer.class);
    }
}
