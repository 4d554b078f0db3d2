package dev.sluice.servlet.internal.staticfiles;

import dev.sluice.servlet.internal.deploy.Resources;

/**
 * What the default servlet reads from its webapp: the resources and whether directories may be listed. The
 * webapp's ServletContext implements it, so static files need nothing else of the webapp.
 */
public interface StaticSource {
    public Resources resources();

    /** The webapp's {@code directoryListing} setting. */
    public boolean directoryListing();
}
