package dev.sluice.servlet.internal.mapping;

import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a path inside a context to a servlet by the rules of Servlet 6.1 section 12.2, tried in the order of
 * section 12.1: exact match, then the longest path prefix ({@code /a/b/*}), then extension ({@code *.jsp}),
 * then the default servlet ({@code /}). The empty pattern maps exactly the context root.
 *
 * <p>{@code T} is what a pattern maps to: the webapp runtime's servlet holder.
 *
 * <p>Mappings are added while the webapp starts and read by every request thread: the maps are concurrent.
 */
public final class ServletMapper<T extends ServletRegistration> {
    /** The outcome of mapping one path. Also the request's {@link HttpServletMapping}. */
    public record Match<T extends ServletRegistration>(T holder, String servletPath, String pathInfo,
                                                       MappingMatch mappingMatch, String pattern, String matchValue)
            implements HttpServletMapping {
        @Override
        public String getMatchValue() {
            return matchValue;
        }

        @Override
        public String getPattern() {
            return pattern;
        }

        @Override
        public String getServletName() {
            return holder.getName();
        }

        @Override
        public MappingMatch getMappingMatch() {
            return mappingMatch;
        }
    }

    private final Map<String, T> exact = new ConcurrentHashMap<>();
    private final Map<String, T> prefix = new ConcurrentHashMap<>();
    private final Map<String, T> extension = new ConcurrentHashMap<>();
    private final Map<String, T> owners = new ConcurrentHashMap<>();
    private volatile T contextRoot;
    private volatile T defaultServlet;

    /** The url-pattern rules of section 12.2 applied to one pattern; {@code path} is servletPath + pathInfo. */
    public static boolean matches(String pattern, String path) {
        if (pattern.equals("/*") || pattern.equals("/")) {
            return true;
        }
        if (pattern.isEmpty()) {
            return path.equals("/");
        }
        if (pattern.startsWith("*.")) {
            int slash = path.lastIndexOf('/');
            int dot = path.lastIndexOf('.');
            return dot > slash && path.substring(dot + 1).equals(pattern.substring(2));
        }
        if (pattern.endsWith("/*")) {
            String base = pattern.substring(0, pattern.length() - 2);
            return path.equals(base) || path.startsWith(base + "/");
        }
        return pattern.equals(path);
    }

    /**
     * Whether {@code pattern} is one of the kinds section 12.2 defines. A pattern starting with '/' that is not a
     * path mapping ("/x/*") is an exact match, even with a '*' elsewhere ("/On*", "/a/*&#47;b": "all other strings
     * are used for exact matches only"), as Tomcat treats it.
     */
    public static boolean isValid(String pattern) {
        if (pattern.isEmpty() || pattern.equals("/")) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            return pattern.length() > 2 && pattern.indexOf('/') < 0;
        }
        return pattern.startsWith("/");
    }

    /** The servlet already mapped to {@code pattern}, or null. */
    public T owner(String pattern) {
        return owners.get(pattern);
    }

    /** Maps {@code pattern} to {@code holder}, replacing a previous owner (the caller checks conflicts). */
    public void add(String pattern, T holder) {
        if (!isValid(pattern)) {
            throw new IllegalArgumentException("Invalid url-pattern '" + pattern + "'");
        }
        owners.put(pattern, holder);
        if (pattern.isEmpty()) {
            contextRoot = holder;
        } else if (pattern.equals("/")) {
            defaultServlet = holder;
        } else if (pattern.startsWith("*.")) {
            extension.put(pattern.substring(2), holder);
        } else if (pattern.endsWith("/*")) {
            prefix.put(pattern.substring(0, pattern.length() - 2), holder);
        } else {
            exact.put(pattern, holder);
        }
    }

    /** Whether the webapp itself mapped a default servlet (else the container's is used). */
    public boolean hasDefault() {
        return defaultServlet != null;
    }

    public Collection<String> patternsOf(T holder) {
        return owners.entrySet().stream().filter(e -> e.getValue() == holder).map(Map.Entry::getKey).toList();
    }

    /** Maps {@code path} (decoded, starting with {@code /}); null when nothing matches and there is no default. */
    public Match<T> map(String path) {
        Match m = exactOrPrefix(path);
        if (m != null) {
            return m;
        }
        m = byExtension(path);
        return m != null ? m : byDefault(path);
    }

    /** Rules 1 and 2 of section 12.1, and the context root. */
    public Match<T> exactOrPrefix(String path) {
        if (path.equals("/") && contextRoot != null) {
            return new Match<>(contextRoot, "", "/", MappingMatch.CONTEXT_ROOT, "", "");
        }
        T h = exact.get(path);
        if (h != null) {
            return new Match<>(h, path, null, MappingMatch.EXACT, path, path.substring(1));
        }
        String candidate = path;
        while (true) {
            h = prefix.get(candidate);
            if (h != null) {
                String info = path.length() > candidate.length() ? path.substring(candidate.length()) : null;
                // The part after the pattern's path (HttpServletMapping javadoc: "/path/foo/bar" by "/path/*" is
                // "foo/bar"): the path info without its slash, "" for "/path" and "/path/".
                String value = info == null ? "" : info.substring(1);
                return new Match<>(h, candidate, info, MappingMatch.PATH, candidate + "/*", value);
            }
            if (candidate.isEmpty()) {
                return null;
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
    }

    /** Rule 3: the extension of the last segment. */
    public Match<T> byExtension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) {
            return null;
        }
        T h = extension.get(path.substring(dot + 1));
        if (h == null) {
            return null;
        }
        return new Match<>(h, path, null, MappingMatch.EXTENSION, "*." + path.substring(dot + 1),
                path.substring(1, dot));
    }

    /** Rule 4: the default servlet, which serves the whole path as its servlet path. */
    public Match<T> byDefault(String path) {
        T h = defaultServlet;
        return h == null ? null : new Match<>(h, path, null, MappingMatch.DEFAULT, "/", "");
    }

    /** A match for a named dispatch or a servlet without a mapping. */
    public static <T extends ServletRegistration> Match<T> named(T holder, String servletPath, String pathInfo) {
        return new Match<>(holder, servletPath, pathInfo, null, null, null);
    }

    public Map<String, T> snapshot() {
        return new HashMap<>(owners);
    }
}
