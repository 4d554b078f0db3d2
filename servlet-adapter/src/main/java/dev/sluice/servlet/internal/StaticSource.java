package dev.sluice.servlet.internal;

/**
 * What the default servlet reads from its webapp: the resources and whether directories may be listed. The
 * webapp's ServletContext implements it, so static files need nothing else of the webapp.
 */
public interface StaticSource {
    Resources resources();

    /** The webapp's {@code directoryListing} setting. */
    boolean directoryListing();
}
