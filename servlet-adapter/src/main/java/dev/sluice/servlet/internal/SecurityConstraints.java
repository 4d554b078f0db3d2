package dev.sluice.servlet.internal;

import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.HttpMethodConstraintElement;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Security constraints from web.xml, {@code @ServletSecurity} and {@code setServletSecurity} (Servlet 6.1
 * chapter 13), enforced for requests as they enter. Sluice has no authentication realm, so no caller ever has
 * a role or a confidential transport: a request that a constraint restricts (an auth-constraint, empty or not,
 * or a transport guarantee) is refused with 403, as Tomcat does without a login configuration. The constraints
 * of the best-matching url-pattern apply (section 13.8.1: exact, then longest prefix, then extension, then
 * default).
 */
final class SecurityConstraints {
    /** One constraint on one url-pattern. */
    record Constraint(String pattern, Set<String> methods, Set<String> omissions, boolean restricts) {
        boolean appliesTo(String method) {
            if (!methods.isEmpty()) {
                return methods.contains(method);
            }
            return !omissions.contains(method);
        }
    }

    private final List<Constraint> constraints = new CopyOnWriteArrayList<>();

    /**
     * Adds a servlet's constraints (from {@code @ServletSecurity} or {@code setServletSecurity}) on its patterns
     * that no web.xml constraint names, which win (section 13.4.1); returns the patterns they held.
     */
    Set<String> addUndescribed(List<WebAppConfig.SecurityConstraintDef> descriptor, Collection<String> patterns,
                               ServletSecurityElement element) {
        Set<String> described = new LinkedHashSet<>();
        for (WebAppConfig.SecurityConstraintDef def : descriptor) {
            described.addAll(def.patterns);
        }
        List<String> free = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        for (String p : patterns) {
            (described.contains(p) ? taken : free).add(p);
        }
        add(free, element);
        return taken;
    }

    /**
     * The descriptor's constraints, then @ServletSecurity of each servlet class on the mappings the descriptor
     * left free (section 13.4.1).
     */
    void configure(List<WebAppConfig.SecurityConstraintDef> descriptor, Collection<ServletHolder> servlets) {
        for (WebAppConfig.SecurityConstraintDef def : descriptor) {
            add(def);
        }
        for (ServletHolder h : servlets) {
            Class<?> type = h.classIfLoadable();
            ServletSecurity annotation = type == null ? null : type.getAnnotation(ServletSecurity.class);
            if (annotation != null) {
                addUndescribed(descriptor, h.getMappings(), new ServletSecurityElement(annotation));
            }
        }
    }

    void add(WebAppConfig.SecurityConstraintDef def) {
        boolean restricts = def.authConstraint || def.transport != null && !def.transport.equals("NONE");
        for (String pattern : def.patterns) {
            constraints.add(new Constraint(pattern, Set.copyOf(def.methods), Set.copyOf(def.omissions), restricts));
        }
    }

    /** Section 13.4: a servlet's annotation or ServletSecurityElement on each of its mappings. */
    void add(Collection<String> patterns, ServletSecurityElement element) {
        Set<String> named = new HashSet<>();
        for (HttpMethodConstraintElement m : element.getHttpMethodConstraints()) {
            named.add(m.getMethodName());
            for (String p : patterns) {
                constraints.add(new Constraint(p, Set.of(m.getMethodName()), Set.of(), restricts(m)));
            }
        }
        for (String p : patterns) {
            constraints.add(new Constraint(p, Set.of(), named, restricts(element)));
        }
    }

    private static boolean restricts(HttpConstraintElement e) {
        return e.getEmptyRoleSemantic() == ServletSecurity.EmptyRoleSemantic.DENY
                || e.getRolesAllowed().length > 0
                || e.getTransportGuarantee() != ServletSecurity.TransportGuarantee.NONE;
    }

    boolean isEmpty() {
        return constraints.isEmpty();
    }

    /** Whether a request for {@code path} (inside the context) with {@code method} is refused. */
    boolean denies(String path, String method) {
        List<Constraint> best = bestMatch(path);
        for (Constraint c : best) {
            if (c.appliesTo(method) && c.restricts()) {
                return true;
            }
        }
        return false;
    }

    private List<Constraint> bestMatch(String path) {
        List<Constraint> exact = new ArrayList<>();
        List<Constraint> prefix = new ArrayList<>();
        int prefixLength = -1;
        List<Constraint> extension = new ArrayList<>();
        List<Constraint> fallback = new ArrayList<>();
        for (Constraint c : constraints) {
            String p = c.pattern();
            if (p.equals(path) || p.isEmpty() && path.equals("/")) {
                exact.add(c);
            } else if (p.endsWith("/*")) {
                String base = p.substring(0, p.length() - 2);
                if (path.equals(base) || path.startsWith(base + "/")) {
                    if (base.length() > prefixLength) {
                        prefix.clear();
                        prefixLength = base.length();
                    }
                    if (base.length() == prefixLength) {
                        prefix.add(c);
                    }
                }
            } else if (p.startsWith("*.") && FilterMap.matches(p, path)) {
                extension.add(c);
            } else if (p.equals("/")) {
                fallback.add(c);
            }
        }
        return !exact.isEmpty() ? exact : !prefix.isEmpty() ? prefix : !extension.isEmpty() ? extension : fallback;
    }
}
