package dev.sluice.samples.guestbook;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Clock;

/**
 * Creates the in-memory store when the webapp starts and publishes it as a context attribute; the servlets find
 * it there. The capacity comes from the context parameter {@code guestbook.capacity} in web.xml.
 */
public class GuestbookStoreListener implements ServletContextListener {
    static final String CAPACITY_PARAM = "guestbook.capacity";
    private static final int DEFAULT_CAPACITY = 100;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        GuestbookStore store = new GuestbookStore(capacity(context.getInitParameter(CAPACITY_PARAM)), Clock.systemUTC());
        store.add("Sluice", "Welcome! This first entry was written by the context listener when the webapp started.");
        context.setAttribute(GuestbookStore.ATTRIBUTE, store);
        context.log("guestbook: store ready, keeps the newest " + store.capacity() + " entries");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        event.getServletContext().removeAttribute(GuestbookStore.ATTRIBUTE);
    }

    static int capacity(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_CAPACITY;
        }
        try {
            int capacity = Integer.parseInt(configured.strip());
            if (capacity < 1) {
                throw new IllegalArgumentException(CAPACITY_PARAM + " must be at least 1, was " + configured);
            }
            return capacity;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CAPACITY_PARAM + " must be a whole number, was " + configured, e);
        }
    }
}
