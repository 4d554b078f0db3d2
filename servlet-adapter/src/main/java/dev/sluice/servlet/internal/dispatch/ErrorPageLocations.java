package dev.sluice.servlet.internal.dispatch;

import dev.sluice.servlet.internal.deploy.WebAppConfig;
import jakarta.servlet.ServletException;

/** Which error page of a webapp's descriptor an exception or a status code selects (Servlet 6.1 section 10.9.2). */
public final class ErrorPageLocations {
    private ErrorPageLocations() {
    }

    /** The error page for the class of {@code t} or its closest superclass; null when none is declared. */
    public static String forException(WebAppConfig config, Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            String location = config.errorPagesByException.get(c.getName());
            if (location != null) {
                return location;
            }
        }
        return null;
    }

    /** The error page for {@code code}, else for an error status (4xx, 5xx) the default page; null when none. */
    public static String forCode(WebAppConfig config, int code) {
        String location = config.errorPagesByCode.get(code);
        if (location == null && code >= 400) {
            location = config.defaultErrorPage;
        }
        return location;
    }

    /** The cause a ServletException wraps (section 10.9.2: its root cause is searched next); null when none. */
    public static Throwable rootCause(Throwable t) {
        if (t instanceof ServletException se && se.getRootCause() != null) {
            return se.getRootCause();
        }
        return null;
    }
}
