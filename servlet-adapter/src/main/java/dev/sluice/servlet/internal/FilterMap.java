package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.mapping.ServletMapper;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;

/**
 * One filter-mapping: which requests a filter applies to, by URL pattern or servlet name, and for which
 * dispatcher types (Servlet 6.1 sections 6.2.4 and 6.2.5). No dispatcher type means REQUEST.
 */
record FilterMap(FilterHolder holder, List<String> urlPatterns, List<String> servletNames,
                 EnumSet<DispatcherType> dispatchers) {
    FilterMap {
        dispatchers = dispatchers == null || dispatchers.isEmpty()
                ? EnumSet.of(DispatcherType.REQUEST) : EnumSet.copyOf(dispatchers);
    }

    boolean appliesTo(DispatcherType type, String path, String servletName) {
        if (!dispatchers.contains(type)) {
            return false;
        }
        for (String name : servletNames) {
            if (name.equals("*") || name.equals(servletName)) {
                return true;
            }
        }
        if (path != null) {
            for (String pattern : urlPatterns) {
                if (ServletMapper.matches(pattern, path)) {
                    return true;
                }
            }
        }
        return false;
    }
}
