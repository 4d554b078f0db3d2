package dev.sluice.samples.gallery;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** Creates the gallery's {@link ConnectionLedger} when the webapp starts. */
public class GalleryListener implements ServletContextListener {
    /** Browsers remembered at once; a demo page needs few, and each costs a few hundred bytes. */
    static final int MAX_BROWSERS = 1_000;
    /** A browser uses about six connections per host; far more means something else is going on. */
    static final int MAX_CONNECTIONS_PER_VIEW = 64;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(ConnectionLedger.ATTRIBUTE,
                new ConnectionLedger(MAX_BROWSERS, MAX_CONNECTIONS_PER_VIEW));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        event.getServletContext().removeAttribute(ConnectionLedger.ATTRIBUTE);
    }
}
