package dev.sluice.servlet.internal.security;

import dev.sluice.servlet.internal.deploy.WebAppConfig;
import dev.sluice.servlet.internal.mapping.ServletMapper;
import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.HttpMethodConstraintElement;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Security constraints from web.xml, {@code @ServletSecurity} and {@code setServletSecurity} (Servlet 6.1
 * chapter 13), and what they demand of a request. The constraints of the best-matching url-pattern apply
 * (section 13.8.3: exact, then longest prefix, then extension, then default); of those, the ones whose
 * web-resource-collection covers the request's method combine as section 13.8.1 says.
 */
public final class SecurityConstraints {
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    /**
     * One constraint on one url-pattern.
     *
     * @param roles        the auth-constraint's role names; null when there is no auth-constraint, empty when it
     *                     names none (nobody may pass)
     * @param confidential whether the user-data-constraint asks for INTEGRAL or CONFIDENTIAL transport
     */
    public record Constraint(String pattern, Set<String> methods, Set<String> omissions, Set<String> roles,
                      boolean confidential) {
        /** Section 13.8.1: the method occurs within the collection. */
        boolean covers(String method) {
            if (!methods.isEmpty()) {
                return methods.contains(method);
            }
            return !omissions.contains(method);
        }

        boolean coversAll() {
            return methods.isEmpty() && omissions.isEmpty();
        }
    }

    /**
     * What the combined constraints demand of one request.
     *
     * @param deny         an auth-constraint naming no roles, or an uncovered method denied: 403 whoever asks
     * @param confidential only a secure transport is accepted
     * @param anyUser      any authenticated user passes ({@code **})
     * @param roles        otherwise, the user must hold one of these; empty and not anyUser: no login needed
     */
    public record Requirement(boolean deny, boolean confidential, boolean anyUser, Set<String> roles) {
        static final Requirement NONE = new Requirement(false, false, false, Set.of());
        static final Requirement DENY = new Requirement(true, false, false, Set.of());

        public boolean needsLogin() {
            return !deny && (anyUser || !roles.isEmpty());
        }
    }

    private final List<Constraint> constraints = new CopyOnWriteArrayList<>();
    private final Supplier<Set<String>> declaredRoles;
    private volatile boolean denyUncovered;
    private volatile Set<String> allRoles;

    /** @param declaredRoles the webapp's security-role names and @DeclareRoles, read when first needed */
    public SecurityConstraints(Supplier<Set<String>> declaredRoles) {
        this.declaredRoles = declaredRoles;
    }

    /**
     * Adds a servlet's constraints (from {@code @ServletSecurity} or {@code setServletSecurity}) on its patterns
     * that no web.xml constraint names, which win (section 13.4.1); returns the patterns they held.
     */
    public Set<String> addUndescribed(List<WebAppConfig.SecurityConstraintDef> descriptor,
                                      Collection<String> patterns, ServletSecurityElement element) {
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
     * left free (section 13.4.1). Logs the uncovered methods for the deployer (section 13.8.4.2).
     */
    public void configure(WebAppConfig config, Collection<? extends SecuredServlet> servlets,
                          String displayPath) {
        denyUncovered = config.denyUncoveredHttpMethods;
        for (WebAppConfig.SecurityConstraintDef def : config.securityConstraints) {
            add(def);
        }
        for (SecuredServlet h : config.metadataComplete ? List.<SecuredServlet>of() : servlets) { // section 8.1
            Class<?> type = h.classIfLoadable();
            ServletSecurity annotation = type == null ? null : type.getAnnotation(ServletSecurity.class);
            if (annotation != null) {
                addUndescribed(config.securityConstraints, h.getMappings(), new ServletSecurityElement(annotation));
            }
        }
        uncovered().forEach((pattern, methods) -> LOG.info(displayPath + ": uncovered HTTP methods at "
                + pattern + ": " + methods + (denyUncovered ? " (denied)" : "")));
    }

    public void add(WebAppConfig.SecurityConstraintDef def) {
        Set<String> roles = def.authConstraint ? Set.copyOf(def.roles) : null;
        boolean confidential = def.transport != null && !def.transport.equals("NONE");
        for (String pattern : def.patterns) {
            constraints.add(new Constraint(pattern, Set.copyOf(def.methods), Set.copyOf(def.omissions), roles,
                    confidential));
        }
        allRoles = null;
    }

    /** Section 13.4: a servlet's annotation or ServletSecurityElement on each of its mappings. */
    public void add(Collection<String> patterns, ServletSecurityElement element) {
        Set<String> named = new HashSet<>();
        for (HttpMethodConstraintElement m : element.getHttpMethodConstraints()) {
            named.add(m.getMethodName());
            for (String p : patterns) {
                constraints.add(constraint(p, Set.of(m.getMethodName()), Set.of(), m));
            }
        }
        // Section 13.4 "Mapping @ServletSecurity to security-constraint": an all-default method-independent
        // constraint beside a non-default method constraint creates no constraint; the other methods stay uncovered.
        boolean skipRest = isDefault(element)
                && element.getHttpMethodConstraints().stream().anyMatch(m -> !isDefault(m));
        if (!skipRest) {
            for (String p : patterns) {
                constraints.add(constraint(p, Set.of(), Set.copyOf(named), element));
            }
        }
        allRoles = null;
    }

    private static boolean isDefault(HttpConstraintElement e) {
        return e.getEmptyRoleSemantic() == ServletSecurity.EmptyRoleSemantic.PERMIT && e.getRolesAllowed().length == 0
                && e.getTransportGuarantee() == ServletSecurity.TransportGuarantee.NONE;
    }

    private static Constraint constraint(String pattern, Set<String> methods, Set<String> omissions,
                                         HttpConstraintElement e) {
        Set<String> roles;
        if (e.getEmptyRoleSemantic() == ServletSecurity.EmptyRoleSemantic.DENY) {
            roles = Set.of();
        } else {
            roles = e.getRolesAllowed().length == 0 ? null : Set.of(e.getRolesAllowed());
        }
        boolean confidential = e.getTransportGuarantee() != ServletSecurity.TransportGuarantee.NONE;
        return new Constraint(pattern, methods, omissions, roles, confidential);
    }

    public boolean isEmpty() {
        return constraints.isEmpty();
    }

    /** What a request for {@code path} (inside the context) with {@code method} must satisfy. */
    public Requirement requirement(String path, String method) {
        List<Constraint> best = bestMatch(path);
        if (best.isEmpty()) {
            return Requirement.NONE;
        }
        boolean covered = false;
        boolean deny = false;
        boolean unauthenticated = false;
        boolean plainAccepted = false;
        Set<String> roles = new HashSet<>();
        for (Constraint c : best) {
            if (!c.covers(method)) {
                continue;
            }
            covered = true;
            plainAccepted |= !c.confidential();
            if (c.roles() == null) {
                unauthenticated = true;
            } else if (c.roles().isEmpty()) {
                deny = true;
            } else {
                roles.addAll(c.roles());
            }
        }
        if (!covered) {
            return denyUncovered ? Requirement.DENY : Requirement.NONE; // section 13.8.4
        }
        if (deny) {
            return Requirement.DENY;
        }
        if (unauthenticated) {
            return new Requirement(false, !plainAccepted, false, Set.of());
        }
        // "**" is any authenticated user unless the webapp declares a role of that name (section 13.8).
        boolean anyUser = roles.contains("**") && !declaredRoles.get().contains("**");
        if (anyUser) {
            roles.remove("**");
        }
        if (roles.remove("*")) {
            roles.addAll(allRoles());
        }
        return new Requirement(false, !plainAccepted, anyUser, Set.copyOf(roles));
    }

    /**
     * Section 13.8: "*" stands for every role the webapp defines: security-role, @DeclareRoles, declareRoles,
     * and (as Tomcat, which declares them) the roles its constraints name.
     */
    private Set<String> allRoles() {
        Set<String> all = allRoles;
        if (all == null) {
            Set<String> s = new HashSet<>(declaredRoles.get());
            for (Constraint c : constraints) {
                if (c.roles() != null) {
                    s.addAll(c.roles());
                }
            }
            s.remove("*");
            s.remove("**");
            allRoles = all = Set.copyOf(s);
        }
        return all;
    }

    /**
     * Section 13.8.4.2: describes the uncovered methods at each constrained pattern (empty when none), for the
     * deployer's log.
     */
    public Map<String, String> uncovered() {
        Map<String, List<Constraint>> byPattern = new LinkedHashMap<>();
        for (Constraint c : constraints) {
            byPattern.computeIfAbsent(c.pattern(), k -> new ArrayList<>()).add(c);
        }
        Map<String, String> uncovered = new LinkedHashMap<>();
        for (Map.Entry<String, List<Constraint>> e : byPattern.entrySet()) {
            if (e.getValue().stream().anyMatch(Constraint::coversAll)) {
                continue;
            }
            Set<String> named = new TreeSet<>();
            Set<String> omitted = null;
            for (Constraint c : e.getValue()) {
                named.addAll(c.methods());
                if (!c.omissions().isEmpty()) {
                    if (omitted == null) {
                        omitted = new TreeSet<>(c.omissions());
                    } else {
                        omitted.retainAll(c.omissions());
                    }
                }
            }
            if (omitted == null) {
                uncovered.put(e.getKey(), "every method except " + named);
            } else {
                omitted.removeAll(named);
                if (!omitted.isEmpty()) {
                    uncovered.put(e.getKey(), omitted.toString());
                }
            }
        }
        return uncovered;
    }

    private List<Constraint> bestMatch(String path) {
        List<Constraint> exact = new ArrayList<>();
        List<Constraint> prefix = new ArrayList<>();
        int prefixLength = -1;
        List<Constraint> extension = new ArrayList<>();
        List<Constraint> fallback = new ArrayList<>();
        for (Constraint c : constraints) {
            String p = c.pattern();
            if (p.equals(path) && !p.equals("/") || p.isEmpty() && path.equals("/")) {
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
            } else if (p.startsWith("*.") && ServletMapper.matches(p, path)) {
                extension.add(c);
            } else if (p.equals("/")) {
                fallback.add(c);
            }
        }
        return !exact.isEmpty() ? exact : !prefix.isEmpty() ? prefix : !extension.isEmpty() ? extension : fallback;
    }
}
