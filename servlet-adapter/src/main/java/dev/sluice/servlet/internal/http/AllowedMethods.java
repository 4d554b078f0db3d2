package dev.sluice.servlet.internal.http;

import jakarta.servlet.http.HttpServlet;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The methods a servlet class serves, for the Allow header of a refused TRACE (RFC 9110 section 15.5.6: a 405
 * must list the target's methods). An HttpServlet serves what its subclasses' doGet, doPost, doPut and doDelete
 * overrides imply (GET brings HEAD), plus OPTIONS, which HttpServlet always answers; of another servlet only GET,
 * HEAD and POST are assumed, as Tomcat does. TRACE is never listed: it is what was refused.
 */
public final class AllowedMethods {
    private AllowedMethods() {
    }

    /** The Allow value for {@code servletClass}, or null when the class is unknown. */
    public static String of(Class<?> servletClass) {
        if (servletClass == null) {
            return null;
        }
        if (!HttpServlet.class.isAssignableFrom(servletClass)) {
            return "GET, HEAD, POST";
        }
        Set<String> declared = new LinkedHashSet<>();
        for (Class<?> c = servletClass; c != HttpServlet.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                declared.add(m.getName());
            }
        }
        StringBuilder allow = new StringBuilder();
        if (declared.contains("doGet")) {
            allow.append("GET, HEAD, ");
        }
        for (String[] pair : new String[][] {{"doPost", "POST"}, {"doPut", "PUT"}, {"doDelete", "DELETE"}}) {
            if (declared.contains(pair[0])) {
                allow.append(pair[1]).append(", ");
            }
        }
        return allow.append("OPTIONS").toString();
    }
}
